import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './cliArgs';
import { az, azSignedIn, deploymentOutputs } from './deployment/deploymentOutputs';
import { packagePath } from './package';

/**
 * `npm run publish-app -- --deployment primero-prod-so`: deploys the zip of `npm run package` (which the
 * npm script runs first) to the deployment's function app, with the operator's `az login`. Under azd the
 * app comes from the azd environment. The same package as the GitHub workflow: see docs/deploy.md.
 */
function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!azSignedIn()) throw new Error('Sign in first: az login (and az account set --subscription <id>).');
  const out = deploymentOutputs(typeof args.deployment === 'string' ? args.deployment : undefined);
  if (!out)
    throw new Error(
      '--deployment is required (the name given to az deployment sub create), or run under azd.',
    );
  const zip = join(__dirname, '..', '..', packagePath);
  if (!existsSync(zip)) throw new Error(`${packagePath} is missing: npm run package first.`);
  console.log(`Deploying ${packagePath} to ${out.FUNCTION_APP_NAME} ...`);
  az(
    'functionapp',
    'deployment',
    'source',
    'config-zip',
    '-g',
    out.AZURE_RESOURCE_GROUP,
    '-n',
    out.FUNCTION_APP_NAME,
    '--src',
    zip,
  );
  console.log(`Deployed. API: ${out.API_URL}`);
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
