/**
 * The head of a script run with `node -e` by the tests that load the function modules in a fresh process
 * (what a cold start loads): TypeScript compiled on the fly by @swc/core, as jest does, and `loadedPackages()`,
 * the packages that ended up in require's cache.
 */
export const freshProcessPrelude = `
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
const loadedPackages = () => [
  ...new Set(Object.keys(require.cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(p)?.[1])),
].filter(Boolean);
`;
