import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import { totpCode } from '../../src/auth/totp';
import { LocalHost } from '../../src/local/LocalHost';
import { readHostSettings } from '../../src/local/hostConfig';
import { loadFunctions } from '../../src/local/loadFunctions';
import { localMasterKey } from '../../src/local/masterKey';
import { prepareStorage } from '../../src/local/prepareStorage';
import { provideApp } from '../../src/runtime';
import { DEMO_PASSWORD_DEFAULT, DEMO_TOTP_SECRET_DEFAULT } from '../../src/seed/demoDirectory';
import { seedDemo } from '../../src/seed/seedDemo';
import { testAppSettings } from './emulatorEnv';
import { TestClock } from './testClock';

export const ROOT = join(__dirname, '..', '..');
export const PASSWORD = DEMO_PASSWORD_DEFAULT;
export const TOTP_SECRET = DEMO_TOTP_SECRET_DEFAULT;

export interface ApiResult {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface TestApp {
  url: string;
  app: App;
  clock: TestClock;
  /** The local host's master key, for admin-level functions. */
  masterKey: string;
  host: LocalHost;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResult>;
  login(userName: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The platform as `npm start` runs it — real functions through the local host, real SDK clients — on the
 * shared emulators, with a database of its own for this test file and a clock the test controls.
 */
export async function startTestApp(
  settings: Record<string, string> = {},
  overrides: AppOverrides = {},
  /** staticRoot: a built web app for the web-app function to serve (WEB_APP_DIR), instead of dist/web. */
  hostOptions: { staticRoot?: string } = {},
): Promise<TestApp> {
  const clock = new TestClock();
  const config = loadConfig({
    ...testAppSettings(),
    ...(hostOptions.staticRoot ? { WEB_APP_DIR: hostOptions.staticRoot } : {}),
    ...settings,
  });
  const app = createApp(config, { clock, ...overrides });
  await prepareStorage(app);
  await seedDemo(app, { password: PASSWORD, totpSecret: TOTP_SECRET });
  provideApp(app);
  const files = readdirSync(join(ROOT, 'functions'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ROOT, 'functions', f));
  const masterKey = await localMasterKey(app.keyStore);
  const host = new LocalHost({
    functions: loadFunctions(files),
    settings: readHostSettings(ROOT),
    masterKey,
    triggers: false,
  });
  const url = await host.listen(0);

  const call = async (method: string, path: string, options: CallOptions = {}): Promise<ApiResult> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };

  const login = async (userName: string) => {
    const user: Record<string, string> = { user_name: userName, password: PASSWORD };
    if (userName === 'admin_gh') user.totp_code = totpCode(TOTP_SECRET, clock.now());
    const result = await call('POST', '/api/v2/tokens', { body: { user } });
    if (result.status !== 200)
      throw new Error(`login ${userName} failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body.token as string;
  };

  return {
    url,
    app,
    clock,
    masterKey,
    host,
    call,
    login,
    close: async () => {
      await host.close();
      await app.database.delete().catch(() => undefined);
      provideApp(undefined);
    },
  };
}
