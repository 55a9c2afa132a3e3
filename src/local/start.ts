import { join, resolve } from 'node:path';
import { createApp, type App } from '../app';
import { loadConfig } from '../config';
import { ConfigError } from '../errors';
import { provideApp } from '../runtime';
import { DEMO_PASSWORD_DEFAULT, DEMO_TOTP_SECRET_DEFAULT } from '../seed/demoDirectory';
import { seedDemo } from '../seed/seedDemo';
import { ensureCertificate } from './certificate';
import { emulatorAppSettings, startEmulators } from './emulators';
import { functionEntryFiles, readHostSettings } from './hostConfig';
import { LocalHost } from './LocalHost';
import { localMasterKey } from './masterKey';
import { loadFunctions } from './loadFunctions';
import { clearLocalState, loadCosmosSnapshot, saveCosmosSnapshot } from './localState';
import { localPorts } from './localSettings';
import { prepareStorage } from './prepareStorage';
import { startBanner, summaryReminder } from './startBanner';

const REPEAT_AFTER = 40;

/** `npm start`: emulators, database, demo data and the local Functions host, stopped together on Ctrl-C. */
async function main() {
  const root = join(__dirname, '..', '..', '..');
  const dataDir = join(root, '.data');
  const ports = localPorts();
  const hostPort = Number(process.env.FUNCTIONS_HTTP_PORT ?? 7071);
  const password = process.env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT;
  const totpSecret = process.env.DEMO_TOTP_SECRET || DEMO_TOTP_SECRET_DEFAULT;

  // See localState.ts: a start begins clean unless --keep-data asks for all local state to persist.
  const keepData = process.argv.includes('--keep-data');
  const state = {
    azurite: join(dataDir, 'azurite'),
    outbox: resolve(root, process.env.NOTIFY_OUTBOX ?? '.data/outbox.jsonl'),
    cosmosSnapshot: join(dataDir, 'cosmos-snapshot.json'),
  };
  if (!keepData) await clearLocalState(state);
  console.log(
    keepData
      ? 'Keeping local data (--keep-data): Cosmos, Azurite and the outbox carry over from the last run.'
      : 'Starting clean (npm start -- --keep-data keeps data across restarts).',
  );
  console.log('Starting Azurite and the Cosmos DB emulator...');
  const cert = await ensureCertificate(join(dataDir, 'cosmos'));
  const emulators = await startEmulators(ports, cert, keepData ? state.azurite : undefined);
  let host: LocalHost | undefined;
  let app: App | undefined;
  const shutdown = async (code: number) => {
    console.log('\nStopping...');
    await host?.close();
    if (keepData && app)
      console.log(
        `Saved ${await saveCosmosSnapshot(app, state.cosmosSnapshot)} Cosmos documents for the next start.`,
      );
    await emulators.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  try {
    Object.assign(process.env, emulatorAppSettings(ports, cert, join(dataDir, 'keys.json')), {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    app = createApp(loadConfig());
    await prepareStorage(app);
    if (!(keepData && (await loadCosmosSnapshot(app, state.cosmosSnapshot))))
      await seedDemo(app, { password, totpSecret });
    if (process.argv.includes('--emulators-only')) {
      console.log(emulatorsOnlyBanner(ports, password));
      return;
    }
    provideApp(app);
    // The summary comes last, after the function list; once host logs have scrolled it away, a one-line
    // reminder of it follows every REPEAT_AFTER lines.
    let url = '';
    let linesSinceSummary = 0;
    host = new LocalHost({
      functions: loadFunctions(functionEntryFiles(root)),
      settings: readHostSettings(root),
      masterKey: await localMasterKey(app.keyStore),
      log: (l) => {
        console.log(l);
        if (url && ++linesSinceSummary >= REPEAT_AFTER) {
          linesSinceSummary = 0;
          console.log(summaryReminder(url, password));
        }
      },
    });
    const listening = await host.listen(hostPort);
    console.log(`\n${host.describe(listening)}`);
    console.log(startBanner({ url: listening, ports, password, totpSecret }));
    url = listening;
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
