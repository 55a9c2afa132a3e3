import { join } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { ConfigError } from '../errors';
import { provideApp } from '../runtime';
import { DEMO_PASSWORD_DEFAULT, DEMO_TOTP_SECRET_DEFAULT, demoUsers } from '../seed/demoDirectory';
import { seedDemo } from '../seed/seedDemo';
import { ensureCertificate } from './certificate';
import { emulatorAppSettings, startEmulators } from './emulators';
import { functionEntryFiles, readHostSettings } from './hostConfig';
import { LocalHost } from './LocalHost';
import { loadFunctions } from './loadFunctions';
import { localPorts } from './localSettings';
import { prepareStorage } from './prepareStorage';

/** `npm start`: emulators, database, demo data and the local Functions host, stopped together on Ctrl-C. */
async function main() {
  const root = join(__dirname, '..', '..', '..');
  const dataDir = join(root, '.data');
  const ports = localPorts();
  const hostPort = Number(process.env.FUNCTIONS_HTTP_PORT ?? 7071);
  const password = process.env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT;
  const totpSecret = process.env.DEMO_TOTP_SECRET || DEMO_TOTP_SECRET_DEFAULT;

  console.log('Starting Azurite and the Cosmos DB emulator...');
  const cert = await ensureCertificate(join(dataDir, 'cosmos'));
  const emulators = await startEmulators(ports, cert, join(dataDir, 'azurite'));
  let host: LocalHost | undefined;
  const shutdown = async (code: number) => {
    console.log('\nStopping...');
    await host?.close();
    await emulators.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  try {
    Object.assign(process.env, emulatorAppSettings(ports, cert, join(dataDir, 'keys.json')), {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    const app = createApp(loadConfig());
    await prepareStorage(app);
    await seedDemo(app, { password, totpSecret });
    if (process.argv.includes('--emulators-only')) {
      console.log(emulatorsOnlyBanner(ports, password));
      return;
    }
    provideApp(app);
    host = new LocalHost({
      functions: loadFunctions(functionEntryFiles(root)),
      settings: readHostSettings(root),
      log: (l) => console.log(l),
      staticRoot: join(root, 'dist', 'web'),
    });
    const url = await host.listen(hostPort);
    console.log(`\n${host.describe(url)}`);
    console.log(banner(url, ports, password, totpSecret));
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    await shutdown(1);
  }
}

function emulatorsOnlyBanner(ports: { cosmos: number; blob: number }, password: string) {
  return `
Emulators are running and seeded (Cosmos https://127.0.0.1:${ports.cosmos}, Azurite blob :${ports.blob}).
Copy local.settings.example.json to local.settings.json and run \`func start\` in another terminal.
Demo password: ${password}. Press Ctrl-C to stop the emulators.
`;
}

function banner(
  url: string,
  ports: { cosmos: number; blob: number; queue: number },
  password: string,
  totpSecret: string,
) {
  const users = demoUsers.map(
    (u) =>
      `  ${u.user_name.padEnd(9)} ${u.country_codes.join('+').padEnd(6)} ${u.role_unique_id}${u.totp ? ' (2FA)' : ''}`,
  );
  return `
primero-serverless is running.

  API              ${url}/api/v2   (OpenAPI: ${url}/api/v2/openapi.json)
  Cosmos emulator  https://127.0.0.1:${ports.cosmos}   (in memory: demo data is re-seeded at every start)
  Azurite          blob :${ports.blob}  queue :${ports.queue}   (data in .data/azurite)

Demo users (password: ${password}):
${users.join('\n')}
  admin_gh signs in with a TOTP code too; its secret is ${totpSecret}

Sign in and list your cases:
  TOKEN=$(curl -s -X POST ${url}/api/v2/tokens -H 'Content-Type: application/json' \\
    -d '{"user":{"user_name":"cw_gh","password":"${password}"}}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -s ${url}/api/v2/cases -H "Authorization: Bearer $TOKEN"

Press Ctrl-C to stop everything.
`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
