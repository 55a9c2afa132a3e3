import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { importConfig, planAuditDetails } from '../src/forms/configFile';
import { describePlan, parseConfigText } from '../src/forms/configFileText';
import { parseArgsAndFiles } from './cliArgs';
import { configApp, fail } from './configApp';

/**
 * `npm run config:import -- --country SO gh.json [--dry-run]`: makes the country's configuration the
 * file's. The whole file is checked first (every problem listed, nothing changed); a dry run prints what
 * would change and changes nothing. Answers what it prints.
 */
export async function configImport(argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { args, files } = parseArgsAndFiles(argv, ['dry-run']);
  if (files.length !== 1) throw new Error('Name one configuration file (e.g. gh.json)');
  const file = parseConfigText(readFileSync(files[0] as string, 'utf8'));
  const { app, cc, deps, default_locale } = await configApp(args.country, env);
  const dryRun = args['dry-run'] === true;
  const by = `operator:${userInfo().username}`;
  const plan = await importConfig(deps, cc, file, { dryRun, by, defaultLocale: default_locale });
  await app.audit.append({
    action: 'admin_import',
    user_name: 'operator',
    country_code: cc,
    record_type: 'configuration',
    details: planAuditDetails(plan),
  });
  return describePlan(plan, cc);
}

if (require.main === module)
  configImport(process.argv.slice(2), process.env)
    .then((text) => console.log(text))
    .catch(fail);
