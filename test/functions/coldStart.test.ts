import { execFileSync } from 'node:child_process';
import { unreachableSettings } from '../../src/local/unreachableSettings';
import { ROOT } from '../support/testApp';

// What a cold start loads (issue 18): a fresh Node process loads every function module, as the Functions
// worker does, and lists the packages that ended up in require's cache. Sources are compiled on the fly by
// @swc/core, as jest does. Settings point at nothing: building the App opens no connection.
const child = `
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
const root = process.argv[1];
require(join(root, 'src/local/installFunctionsCore.ts')).installFunctionsCore();
for (const f of readdirSync(join(root, 'functions'))) if (f.endsWith('.ts')) require(join(root, 'functions', f));
const packages = new Set(Object.keys(require.cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(p)?.[1]));
process.stdout.write(JSON.stringify([...packages].filter(Boolean)));
`;

it('loading every function module leaves the SDKs only some requests use unloaded', () => {
  const env = unreachableSettings();
  const out = execFileSync(process.execPath, ['-e', child, ROOT], { env, encoding: 'utf8', cwd: ROOT });
  const loaded = JSON.parse(out) as string[];
  // Sanity: the modules every request needs are there.
  expect(loaded).toEqual(expect.arrayContaining(['@azure/functions', '@azure/cosmos', 'zod', 'jose']));
  for (const lazy of [
    '@azure/storage-blob',
    '@azure/storage-queue',
    '@azure/keyvault-secrets',
    '@azure/identity',
    '@azure/communication-email',
    '@azure/monitor-opentelemetry',
    '@asteasolutions/zod-to-openapi',
    'file-type',
  ])
    expect(loaded).not.toContain(lazy);
}, 60_000);
