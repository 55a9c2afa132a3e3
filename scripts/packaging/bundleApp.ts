import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';

/** Where the bundle sits inside the deployment package: package.json's `main` (dist/functions/*.js) matches it. */
export const bundleEntry = 'dist/functions/app.js';

/** The SDKs most instances never touch, loaded where used (src/platform/loadWhenUsed.ts): a cold start must not parse them. */
export const lazySdks = [
  '@azure/storage-blob',
  '@azure/storage-queue',
  '@azure/keyvault-secrets',
  '@azure/identity',
  '@azure/communication-email',
  '@azure/monitor-opentelemetry',
];

/**
 * Left out of the bundle, required from node_modules at run time: the worker's own core module, the native
 * argon2 binding, the lazy SDKs, and @opentelemetry/api, whose one copy the Azure Monitor distro must share.
 */
export const external = ['@azure/functions-core', '@node-rs/argon2', ...lazySdks, '@opentelemetry/api'];

/**
 * Bundles every function module (functions/*.ts, in the order the worker would load them) into one file at
 * `<outDir>/dist/functions/app.js` with its source map. One file, not one per function: the worker loads every
 * entry file into the same process, and each bundle would carry (and parse) its own copy of the SDKs and of the
 * app's per-instance state. Node resolves a module from one bundled file much faster than from the hundreds of
 * files the SDKs are made of (issue 18: @azure/cosmos alone ~300 ms unbundled, ~150 ms bundled).
 */
export async function bundleApp(root: string, outDir: string): Promise<Metafile> {
  const modules = readdirSync(join(root, 'functions'))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const result = await build({
    stdin: {
      contents: modules.map((f) => `require('./functions/${f}');`).join('\n'),
      resolveDir: root,
      sourcefile: 'functions/index.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: join(outDir, bundleEntry),
    external,
    sourcemap: true,
    // Stack traces keep the sources' names; the map points into them without carrying them.
    sourcesContent: false,
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
    logOverride: { 'unsupported-require-call': 'silent' },
  });
  return result.metafile;
}

/** The staged app root `npm run package` zips from and the cold-import bench loads: it sits inside the project,
 * so the bundle's externals resolve from the project's node_modules as they do from the package's. */
export const stagedApp = '.package/app';

/** The files of the staged app that replace dist/functions/ and dist/src/ in the package (paths from the app root). */
export const bundleFiles = [bundleEntry, `${bundleEntry}.map`];

/** Writes the staged app: the bundle with the host.json and package.json the worker reads beside it. */
export async function stageApp(root: string): Promise<string> {
  const dir = join(root, stagedApp);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await bundleApp(root, dir);
  for (const file of ['host.json', 'package.json']) copyFileSync(join(root, file), join(dir, file));
  return dir;
}
