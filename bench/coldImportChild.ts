import { performance } from 'node:perf_hooks';

// Run by bench/coldImport.ts in a fresh process: loads every function entry file as the Functions worker
// does (its core module in place, the App built from the settings in the environment) and prints the ms.
const started = performance.now();
/* eslint-disable @typescript-eslint/no-require-imports */
const { installFunctionsCore } =
  require('../src/local/installFunctionsCore') as typeof import('../src/local/installFunctionsCore');
const { functionEntryFiles } = require('../src/local/hostConfig') as typeof import('../src/local/hostConfig');
installFunctionsCore();
for (const file of functionEntryFiles(process.argv[2] as string)) require(file);
/* eslint-enable @typescript-eslint/no-require-imports */
process.stdout.write(String(performance.now() - started));
