import { writeFileSync } from 'node:fs';
import { exportConfig } from '../src/forms/configFile';
import { configText } from '../src/forms/configFileText';
import { parseArgs } from './cliArgs';
import { configApp, fail } from './configApp';

/**
 * `npm run -s config:export -- --country GH > gh.json` (or `--out gh.json`): the country's forms, lookups,
 * locations and roles' form permissions as one file, for `config:import` into another country or
 * environment. Without -s, npm prints its banner into the file too; config:import skips it.
 * Answers the file's text (written to --out when given).
 */
export async function configExport(argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const args = parseArgs(argv);
  const { app, cc, deps, default_locale } = await configApp(args.country, env);
  const text = configText(await exportConfig(deps, cc, default_locale));
  if (typeof args.out === 'string') writeFileSync(args.out, text);
  await app.audit.append({
    action: 'admin_export',
    user_name: 'operator',
    country_code: cc,
    record_type: 'configuration',
  });
  return text;
}

if (require.main === module)
  configExport(process.argv.slice(2), process.env)
    .then((text) => {
      if (!process.argv.includes('--out')) process.stdout.write(text);
      else console.error('Wrote the configuration file');
    })
    .catch(fail);
