import { execFileSync } from 'node:child_process';

/** Runs the Azure CLI with the operator's own sign-in; the output, trimmed. */
export const az = (...args: string[]) => execFileSync('az', args, { encoding: 'utf8' }).trim();

/** What the post-deployment steps need from the deployment (outputs of infra/main.bicep). */
export const neededOutputs = [
  'API_URL',
  'FUNCTION_APP_NAME',
  'AZURE_RESOURCE_GROUP',
  'COUNTRY_CODE',
] as const;
export type DeploymentOutputs = Record<(typeof neededOutputs)[number], string>;

/**
 * The outputs of `az deployment sub create --name <deployment>`, or, under azd (which exports a
 * deployment's outputs to its hooks' environment), from the environment. Undefined when neither is there.
 */
export function deploymentOutputs(
  deployment: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): DeploymentOutputs | undefined {
  if (!deployment) {
    if (neededOutputs.every((k) => env[k])) {
      return Object.fromEntries(neededOutputs.map((k) => [k, env[k] as string])) as DeploymentOutputs;
    }
    return undefined;
  }
  const raw = JSON.parse(
    az('deployment', 'sub', 'show', '--name', deployment, '--query', 'properties.outputs', '-o', 'json'),
  ) as Record<string, { value: string }>;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.value])) as DeploymentOutputs;
}

/** Whether `az` is installed and signed in (every post-deployment step uses the operator's sign-in). */
export function azSignedIn(): boolean {
  try {
    az('account', 'show', '--query', 'id', '-o', 'tsv');
    return true;
  } catch {
    return false;
  }
}
