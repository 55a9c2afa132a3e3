import { installFunctionsCore } from './installFunctionsCore';
import { registeredFunctions, type RegisteredFunction } from './functionsCore';

/** Loads function entry files so that their `app.*` calls register with our functions-core. */
export function loadFunctions(files: string[]): RegisteredFunction[] {
  installFunctionsCore();
  // The worker loads entry files with require(); so do we, after the core module is in place.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const file of files) require(file);
  return [...registeredFunctions];
}
