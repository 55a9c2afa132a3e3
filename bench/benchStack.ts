import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { ensureCertificate } from '../src/local/certificate';
import { emulatorAppSettings, startEmulators, type RunningEmulators } from '../src/local/emulators';
import { functionEntryFiles, readHostSettings } from '../src/local/hostConfig';
import { LocalHost } from '../src/local/LocalHost';
import { loadFunctions } from '../src/local/loadFunctions';
import { prepareStorage } from '../src/local/prepareStorage';
import { provideApp } from '../src/runtime';
import { DEMO_PASSWORD_DEFAULT, DEMO_TOTP_SECRET_DEFAULT } from '../src/seed/demoDirectory';
import { seedDemo } from '../src/seed/seedDemo';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface BenchStack {
  app: App;
  url: string;
  login(userName: string): Promise<string>;
  stop(): Promise<void>;
}

/** The platform as npm start runs it (compiled functions, local host, emulators), on free ports. */
export async function startBenchStack(root: string): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), 'primero-bench-'));
  const cert = await ensureCertificate(join(dir, 'cert'));
  const ports = {
    cosmos: await freePort(),
    blob: await freePort(),
    queue: await freePort(),
    table: await freePort(),
  };
  const emulators: RunningEmulators = await startEmulators(ports, cert);
  const app = createApp(
    loadConfig({ ...emulatorAppSettings(ports, cert, join(dir, 'keys.json')), LOG_LEVEL: 'silent' }),
  );
  await prepareStorage(app);
  await seedDemo(app, { password: DEMO_PASSWORD_DEFAULT, totpSecret: DEMO_TOTP_SECRET_DEFAULT });
  provideApp(app);
  const host = new LocalHost({
    functions: loadFunctions(functionEntryFiles(root)),
    settings: readHostSettings(root),
    triggers: false,
  });
  const url = await host.listen(0);
  return {
    app,
    url,
    login: async (userName) => {
      const res = await fetch(`${url}/api/v2/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { user_name: userName, password: DEMO_PASSWORD_DEFAULT } }),
      });
      return ((await res.json()) as { token: string }).token;
    },
    stop: async () => {
      await host.close();
      await emulators.stop();
    },
  };
}
