import { join } from 'node:path';
import { loadConfig } from '../config';
import { ConfigError } from '../errors';
import { functionEntryFiles, readHostSettings } from './hostConfig';
import { LocalHost } from './LocalHost';
import { loadFunctions } from './loadFunctions';

/**
 * `npm run start:host`: the local Functions host alone, against whatever the settings point to (the
 * emulators `npm start` runs, or real Azure resources). Loads the compiled functions like the worker does.
 */
export async function startHost(root: string, port: number, log = (line: string) => console.log(line)) {
  loadConfig(); // fail before listening if a setting is missing or bad
  const functions = loadFunctions(functionEntryFiles(root));
  const host = new LocalHost({ functions, settings: readHostSettings(root), log });
  const url = await host.listen(port);
  console.log(`\n${host.describe(url)}`);
  return { host, url };
}

if (require.main === module) {
  const root = join(__dirname, '..', '..', '..');
  startHost(root, Number(process.env.FUNCTIONS_HTTP_PORT ?? 7071)).catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
