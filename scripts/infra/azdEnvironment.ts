import { checkInfra } from './infraChecks';
import { bicepparamFor, newCountryOptions } from './newCountryParams';

// The azd environment's name for each option of new-country, so problems name what the operator sets.
const variables: Record<string, string> = {
  country: 'COUNTRY_CODE',
  location: 'AZURE_LOCATION',
  env: 'AZURE_ENV_NAME',
  'admin-group': 'ADMIN_GROUP_OBJECT_ID',
  'alert-email': 'ALERT_EMAIL',
};

/**
 * Everything wrong with an azd environment before `azd up` provisions anything: the same checks as
 * `npm run new-country` (environment name 2-8 lowercase letters/digits, an ISO country, a Flex
 * Consumption region, ...) against infra/main.bicep, and the settings the post-deployment setup needs.
 */
export async function azdEnvironmentProblems(
  env: NodeJS.ProcessEnv,
  infraFiles: Map<string, string>,
): Promise<string[]> {
  const args = Object.fromEntries(
    Object.entries(variables).flatMap(([flag, variable]) => (env[variable] ? [[flag, env[variable]]] : [])),
  ) as Record<string, string>;
  const rename = (p: string) =>
    Object.entries(variables).reduce((text, [flag, variable]) => text.replace(`--${flag}`, variable), p);
  const { options, problems } = newCountryOptions(args);
  const result = problems.map(rename);
  if (options) {
    const file = 'infra/countries/azd-environment.bicepparam';
    const files = new Map(infraFiles);
    files.set(file, bicepparamFor(options));
    const report = await checkInfra(files);
    result.push(...report.problems.filter((p) => p.startsWith(file)).map((p) => p.replace(/^[^ ]+ /, '')));
  }
  for (const variable of ['COUNTRY_TIME_ZONE', 'ADMIN_USER_NAME'])
    if (!env[variable])
      result.push(`${variable} is required (azd env set ${variable} ...; the country setup needs it)`);
  return result;
}
