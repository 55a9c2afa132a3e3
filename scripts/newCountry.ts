import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './cliArgs';
import { checkInfra } from './infra/infraChecks';
import { readInfraFiles } from './infra/infraFiles';
import { bicepparamFor, deploymentName, newCountryOptions } from './infra/newCountryParams';

/**
 * `npm run new-country -- --country SO --location northeurope --env prod --admin-group <id> --alert-email <a>`:
 * writes infra/countries/<cc>.bicepparam, validates it with the same checks as npm test, and prints the
 * commands that deploy the country.
 */
async function main() {
  const root = join(__dirname, '..', '..');
  const args = parseArgs(process.argv.slice(2));
  const { options, problems } = newCountryOptions(args);
  if (!options) {
    console.error(`Cannot create the country:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(2);
  }
  const relativePath = `infra/countries/${options.country.toLowerCase()}.bicepparam`;
  const path = join(root, relativePath);
  if (existsSync(path) && args.force !== true) {
    console.error(`${relativePath} exists already (use --force to replace it).`);
    process.exit(2);
  }
  const files = readInfraFiles(root);
  files.set(relativePath, bicepparamFor(options));
  const report = await checkInfra(files);
  const mine = report.problems.filter((p) => p.startsWith(relativePath));
  if (mine.length > 0) {
    console.error(`The parameters do not fit infra/main.bicep:\n${mine.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  writeFileSync(path, files.get(relativePath) as string);
  const name = deploymentName(options);
  console.log(`Wrote ${relativePath} (validated against infra/main.bicep).

1. Create everything (about 10 minutes):

   az deployment sub create --name ${name} --location ${options.location} --template-file infra/main.bicep --parameters ${relativePath}

2. Deploy the app, then set up the country (settings, roles, data key, first administrator):

   npm run publish-app -- --deployment ${name}
   npm run setup-country -- --deployment ${name} --time-zone <IANA zone, e.g. Africa/Mogadishu> --admin-user admin_${options.country.toLowerCase()} --admin-email ${options.alertEmail}
`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
