import { writeFileSync } from 'node:fs';
import { exportConfig } from '../src/forms/configFile';
import { configText } from '../src/forms/configFileText';
import { parseArgs } from './cliArgs';
import { configApp, fail } from './configApp';

/**
 * `npm run -s config:export -- --country GH > gh.json` (or `--out gh.json`): the country's forms, lookups,
 * locations and roles' form permissions as one file, for `config:import` into another country or
 * environment. Without -s, npm prints its banner into the file too; config:import skips it.
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { app, cc, deps, default_locale } = await configApp(args.country);
  const text = configText(await exportConfig(deps, cc, default_locale));
  if (typeof args.out === 'string') {
    writeFileSync(args.out, text);
    console.error(`Wrote the configuration of ${cc} to ${args.out}`);
  } else process.stdout.write(text);
  await app.audit.append({ action: 'admin_export', user_name: 'operator', country_code: cc });
}

main().catch(fail);
