import { join } from 'node:path';
import { azSignedIn } from './deployment/deploymentOutputs';
import { azdEnvironmentProblems } from './infra/azdEnvironment';
import { readInfraFiles } from './infra/infraFiles';

/** azd's preprovision hook: refuses to start a deployment that could only half-work. */
async function main() {
  const problems = await azdEnvironmentProblems(process.env, readInfraFiles(join(__dirname, '..', '..')));
  if (!azSignedIn()) problems.push('a signed-in Azure CLI (az login): the post-deployment steps use it');
  if (problems.length > 0) {
    console.error(`The azd environment is not ready:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(2);
  }
  console.log('azd environment checked: provisioning.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
