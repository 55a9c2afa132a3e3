import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { emulatorAppSettings } from '../src/local/emulators';
import { startEmulatorsOnFreePorts } from '../src/local/freePorts';
import { functionEntryFiles, readHostSettings } from '../src/local/hostConfig';
import { LocalHost } from '../src/local/LocalHost';
import { loadFunctions } from '../src/local/loadFunctions';
import { prepareStorage } from '../src/local/prepareStorage';
import { provideApp } from '../src/runtime';
import { DEMO_PASSWORD_DEFAULT, DEMO_TOTP_SECRET_DEFAULT } from '../src/seed/demoDirectory';
import { seedDemo } from '../src/seed/seedDemo';

export interface BenchStack {
  app: App;
  url: string;
  login(userName: string): Promise<string>;
  stop(): Promise<void>;
}

/** The platform as npm start runs it (compiled functions, local host, emulators), on free ports. */
export async function startBenchStack(root: string): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), 'primero-bench-'));
  const { emulators, ports, cert } = await startEmulatorsOnFreePorts(dir);
  const app = createApp(
    loadConfig({
      ...emulatorAppSettings(ports, cert, join(dir, 'keys.json')),
      LOG_LEVEL: 'silent',
      // The emulator answers a query by scanning the container: the reminders job's query among the sync and
      // reminders benchmarks' 30,000 records took more than the default 10 s bound and stopped the run.
      DEPENDENCY_TIMEOUT_MS: '60000',
    }),
  );
  await prepareStorage(app);
  await seedDemo(app, { password: DEMO_PASSWORD_DEFAULT, totpSecret: DEMO_TOTP_SECRET_DEFAULT });
  provideApp(app);
  const host = new LocalHost({
    functions: loadFunctions(functionEntryFiles(root)),
    settings: readHostSettings(root),
    // The web-app function serves the built dist/web on the same origin (npm run bench builds it first).
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
