import { execFileSync } from 'node:child_process';
import { parseArgs } from './cliArgs';

/**
 * `npm run setup-country -- --deployment primero-prod-so --time-zone Africa/Mogadishu --admin-user admin_so
 * --admin-email ops@example.org [--admin-name "Full Name"] [--country-name Somalia] [--country ET]`
 *
 * The post-deployment step: calls the app's country_setup function (admin level: needs the master key,
 * read here with the operator's own `az login`). Idempotent; run it after every deployment. Under
 * `azd up` the deployment's outputs come from the environment instead of --deployment.
 */
const az = (...args: string[]) => execFileSync('az', args, { encoding: 'utf8' }).trim();

function outputs(deployment: string | undefined): Record<string, string> {
  if (!deployment) {
    const { API_URL, FUNCTION_APP_NAME, AZURE_RESOURCE_GROUP, COUNTRY_CODE } = process.env;
    if (API_URL && FUNCTION_APP_NAME && AZURE_RESOURCE_GROUP && COUNTRY_CODE) {
      return { API_URL, FUNCTION_APP_NAME, AZURE_RESOURCE_GROUP, COUNTRY_CODE };
    }
    throw new Error('--deployment is required (the name given to az deployment sub create)');
  }
  const raw = JSON.parse(
    az('deployment', 'sub', 'show', '--name', deployment, '--query', 'properties.outputs', '-o', 'json'),
  ) as Record<string, { value: string }>;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.value]));
}

async function main() {
  if (process.env.CI || process.env.GITHUB_ACTIONS) {
    throw new Error(
      'Run the country setup from an operator terminal: it shows a one-time password that must not land in CI logs.',
    );
  }
  const args = parseArgs(process.argv.slice(2));
  const required = (name: string, env?: string) => {
    const value = args[name] ?? (env ? process.env[env] : undefined);
    if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required`);
    return value;
  };
  const out = outputs(typeof args.deployment === 'string' ? args.deployment : undefined);
  const adminUser = required('admin-user', 'ADMIN_USER_NAME');
  const body = {
    data: {
      // Another country in the same deployment (a regional one) with --country; else the deployment's own.
      country_code: typeof args.country === 'string' ? args.country.toUpperCase() : out.COUNTRY_CODE,
      time_zone: required('time-zone', 'COUNTRY_TIME_ZONE'),
      ...(typeof args['country-name'] === 'string' ? { name: args['country-name'] } : {}),
      admin: {
        user_name: adminUser,
        full_name: typeof args['admin-name'] === 'string' ? args['admin-name'] : adminUser,
        email: required('admin-email', 'ALERT_EMAIL'),
      },
    },
  };
  const masterKey = az(
    'functionapp',
    'keys',
    'list',
    '-g',
    out.AZURE_RESOURCE_GROUP as string,
    '-n',
    out.FUNCTION_APP_NAME as string,
    '--query',
    'masterKey',
    '-o',
    'tsv',
  );
  const response = await fetch(`${out.API_URL}/admin/country_setup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-functions-key': masterKey },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok || !result.data) {
    console.error(`Setup failed (${response.status}):`, JSON.stringify(result.errors ?? result, null, 2));
    process.exit(1);
  }
  const { admin_one_time_password: password, ...summary } = result.data;
  console.log(JSON.stringify(summary, null, 2));
  if (password) {
    console.log(`\nFirst administrator: ${adminUser}\nOne-time password (shown only now): ${password}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
