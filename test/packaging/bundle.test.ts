import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleEntry, external, lazySdks, stageApp } from '../../scripts/packaging/bundleApp';
import { unreachableSettings } from '../../src/local/unreachableSettings';
import { freshProcessPrelude } from '../support/freshProcess';
import { ROOT } from '../support/testApp';

// The deployment package's one bundled entry file (issue 18's cold start) must register the same functions as
// the compiled modules `func start` loads, and leave the lazily loaded SDKs out, as loadWhenUsed intends.
// A fresh process loads the entry files package.json names from the given app root, with the worker's core
// module in place, and reports what it registered and loaded.
const child = `${freshProcessPrelude}
const [root, appRoot] = process.argv.slice(1);
require(join(root, 'src/local/installFunctionsCore.ts')).installFunctionsCore();
const files = require(join(root, 'src/local/hostConfig.ts')).functionEntryFiles(appRoot);
for (const f of files) require(f);
const { registeredFunctions } = require(join(root, 'src/local/functionsCore.ts'));
process.stdout.write(JSON.stringify({
  files: files.map((f) => f.slice(appRoot.length + 1)),
  functions: registeredFunctions.map((f) => f.name).sort(),
  packages: loadedPackages(),
}));
`;

interface Loaded {
  files: string[];
  functions: string[];
  packages: string[];
}
const load = (appRoot: string) =>
  JSON.parse(
    execFileSync(process.execPath, ['-e', child, ROOT, appRoot], {
      env: unreachableSettings(),
      encoding: 'utf8',
      cwd: ROOT,
    }),
  ) as Loaded;

// The web-app function of the bundle, asked for a page as the worker would: the bundle sits at
// dist/functions/app.js, not where the source module does, and must still find dist/web beside host.json.
const servePage = `${freshProcessPrelude}
const [root, appRoot, path] = process.argv.slice(1);
require(join(root, 'src/local/installFunctionsCore.ts')).installFunctionsCore();
require(join(appRoot, 'dist/functions/app.js'));
const { registeredFunctions } = require(join(root, 'src/local/functionsCore.ts'));
const fn = registeredFunctions.find((f) => f.name === 'web-app');
const request = { method: 'GET', url: 'http://localhost' + path, headers: new Headers(), params: {},
  arrayBuffer: async () => new ArrayBuffer(0), body: null };
(async () => {
  const res = await fn.handler(request, { invocationId: 'bundle-test' });
  const chunks = [];
  for await (const c of res.body) chunks.push(Buffer.from(c));
  process.stdout.write(JSON.stringify({ status: res.status, body: Buffer.concat(chunks).toString() }));
})();
`;

describe('the bundled function app', () => {
  let staged: string;
  beforeAll(async () => {
    staged = await stageApp(ROOT);
    // The unbundled side loads the compiled tree, as `func start` does.
    if (!existsSync(join(ROOT, 'dist/functions/records.js')))
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
  }, 240_000);

  it('is the one entry file package.json names, and registers every function the compiled modules do', () => {
    const bundled = load(staged);
    const compiled = load(ROOT);
    expect(bundled.files).toEqual([bundleEntry]);
    expect(compiled.functions.length).toBeGreaterThan(50);
    expect(bundled.functions).toEqual(compiled.functions);
  }, 120_000);

  it('holds the packages every request needs and leaves the lazily loaded SDKs unloaded', () => {
    const { packages } = load(staged);
    // Inside the bundle: none of them is required from node_modules.
    for (const bundledPackage of ['@azure/functions', '@azure/cosmos', 'zod', 'jose'])
      expect(packages).not.toContain(bundledPackage);
    for (const lazy of lazySdks) expect(packages).not.toContain(lazy);
    // From node_modules: the externals only (and the binaries of argon2 and of the test's own compiler).
    const fromNodeModules = packages.filter((p) => !/^@(node-rs|swc)\//.test(p));
    expect(fromNodeModules.filter((p) => !external.includes(p))).toEqual([]);
  }, 120_000);

  it('serves the web app from dist/web inside the package', () => {
    mkdirSync(join(staged, 'dist/web'), { recursive: true });
    writeFileSync(join(staged, 'dist/web/index.html'), '<title>packaged app</title>');
    const page = JSON.parse(
      execFileSync(process.execPath, ['-e', servePage, ROOT, staged, '/cases/1'], {
        env: { ...unreachableSettings(), LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        cwd: ROOT,
      }),
    ) as { status: number; body: string };
    expect(page).toEqual({ status: 200, body: '<title>packaged app</title>' });
  }, 120_000);

  it('carries a source map that points into the TypeScript sources', () => {
    const map = JSON.parse(readFileSync(join(staged, `${bundleEntry}.map`), 'utf8')) as { sources: string[] };
    expect(map.sources).toEqual(expect.arrayContaining(['../../../../functions/records.ts']));
    expect(readFileSync(join(staged, bundleEntry), 'utf8')).toMatch(
      /\/\/# sourceMappingURL=app\.js\.map\s*$/,
    );
  });
});
