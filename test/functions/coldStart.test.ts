import { execFileSync } from 'node:child_process';
import { lazySdks } from '../../scripts/packaging/bundleApp';
import { unreachableSettings } from '../../src/local/unreachableSettings';
import { freshProcessPrelude } from '../support/freshProcess';
import { ROOT } from '../support/testApp';

// What a cold start loads (issue 18): a fresh Node process loads every function module, as the Functions
// worker does, and lists the packages that ended up in require's cache. Settings point at nothing: building the App opens no connection. The deployment package's
// bundle keeps these SDKs outside it (test/packaging/bundle.test.ts).
const child = `${freshProcessPrelude}
const root = process.argv[1];
require(join(root, 'src/local/installFunctionsCore.ts')).installFunctionsCore();
for (const f of readdirSync(join(root, 'functions'))) if (f.endsWith('.ts')) require(join(root, 'functions', f));
process.stdout.write(JSON.stringify(loadedPackages()));
`;

it('loading every function module leaves the SDKs only some requests use unloaded', () => {
  const env = unreachableSettings();
  const out = execFileSync(process.execPath, ['-e', child, ROOT], { env, encoding: 'utf8', cwd: ROOT });
  const loaded = JSON.parse(out) as string[];
  // Sanity: the modules every request needs are there.
  expect(loaded).toEqual(expect.arrayContaining(['@azure/functions', '@azure/cosmos', 'zod', 'jose']));
  for (const lazy of [...lazySdks, '@asteasolutions/zod-to-openapi', 'file-type'])
    expect(loaded).not.toContain(lazy);
}, 60_000);
