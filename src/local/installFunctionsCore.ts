import Module from 'node:module';

const CORE = '@azure/functions-core';

/**
 * Makes `require('@azure/functions-core')` resolve to our stand-in, as the Functions worker does with its
 * own. Must run before `@azure/functions` is first used. (Under jest, moduleNameMapper does the same.)
 */
export function installFunctionsCore(): void {
  const resolver = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const original = resolver._resolveFilename;
  if ((original as { patched?: boolean }).patched) return;
  const target = require.resolve('./functionsCore');
  const patched = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === CORE ? target : original.call(this, request, ...rest);
  };
  (patched as { patched?: boolean }).patched = true;
  resolver._resolveFilename = patched;
}
