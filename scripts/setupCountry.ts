import { readFileSync } from 'node:fs';
import { parseConfigText } from '../src/forms/configFileText';
import { parseArgs } from './cliArgs';
import { az, azSignedIn, deploymentOutputs } from './deployment/deploymentOutputs';
import { retryTransient, TransientFailure } from './deployment/retry';

/**
 * `npm run setup-country -- --deployment primero-prod-so --time-zone Africa/Mogadishu --admin-user admin_so
 * --admin-email ops@example.org [--admin-name "Full Name"] [--country-name Somalia] [--country ET]
 * [--config gh.json]` (a new country starts from that configuration file instead of the default forms)
 *
 * The post-deployment step: calls the app's country_setup function (admin level: needs the master key,
 * read here with the operator's own `az login`). Idempotent; run it after every deployment. Under
 * `azd up` the deployment's outputs and the settings come from the azd environment instead.
 */

// A new deployment's role assignments (Key Vault, Cosmos DB) take minutes to reach the data planes; until
// then the app's first calls fail with 403 or a 5xx. Ten minutes covers Azure's stated propagation time.
const propagation = { attempts: 20, delayMs: 30_000 };

/** Every prerequisite that is missing, all at once, before anything starts. */
export function missingPrerequisites(
  args: Record<string, string | true>,
  env: NodeJS.ProcessEnv,
  signedIn: boolean,
  hasOutputs: boolean,
): string[] {
  const setting = (flag: string, variable: string) =>
    typeof args[flag] === 'string' || env[variable]
      ? []
      : [`--${flag} (or ${variable} in the azd environment)`];
  return [
    ...(signedIn ? [] : ['a signed-in Azure CLI: run az login (and az account set --subscription <id>)']),
    ...(hasOutputs
      ? []
      : [
          '--deployment <name given to az deployment sub create> (or run under azd, which provides its outputs)',
        ]),
    ...setting('time-zone', 'COUNTRY_TIME_ZONE'),
    ...setting('admin-user', 'ADMIN_USER_NAME'),
    ...setting('admin-email', 'ALERT_EMAIL'),
  ];
}

async function main() {
  if (process.env.CI || process.env.GITHUB_ACTIONS) {
    throw new Error(
      'Run the country setup from an operator terminal: it shows a one-time password that must not land in CI logs.',
    );
  }
  const args = parseArgs(process.argv.slice(2));
  const signedIn = azSignedIn();
  const deployment = typeof args.deployment === 'string' ? args.deployment : undefined;
  const out = signedIn || !deployment ? deploymentOutputs(deployment) : undefined;
  const missing = missingPrerequisites(args, process.env, signedIn, !!out);
  if (missing.length > 0 || !out) {
    throw new Error(`The country setup needs:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
  }
  const value = (flag: string, variable: string) =>
    (args[flag] as string | undefined) ?? (process.env[variable] as string);
  const adminUser = value('admin-user', 'ADMIN_USER_NAME');
  const body = {
    data: {
      // Another country in the same deployment (a regional one) with --country; else the deployment's own.
      country_code: typeof args.country === 'string' ? args.country.toUpperCase() : out.COUNTRY_CODE,
      time_zone: value('time-zone', 'COUNTRY_TIME_ZONE'),
      ...(typeof args['country-name'] === 'string' ? { name: args['country-name'] } : {}),
      ...(typeof args.config === 'string'
        ? { config: parseConfigText(readFileSync(args.config, 'utf8')) }
        : {}),
      admin: {
        user_name: adminUser,
        full_name: typeof args['admin-name'] === 'string' ? args['admin-name'] : adminUser,
        email: value('admin-email', 'ALERT_EMAIL'),
      },
    },
  };
  const masterKey = az(
    'functionapp',
    'keys',
    'list',
    '-g',
    out.AZURE_RESOURCE_GROUP,
    '-n',
    out.FUNCTION_APP_NAME,
    '--query',
    'masterKey',
    '-o',
    'tsv',
  );
  console.log(`Setting up ${body.data.country_code} on ${out.API_URL} ...`);
  const result = await retryTransient(
    async () => {
      const response = await fetch(`${out.API_URL}/admin/country_setup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-functions-key': masterKey },
        body: JSON.stringify(body),
      });
      const json = (await response.json().catch(() => ({}))) as {
        data?: Record<string, unknown>;
        errors?: unknown[];
      };
      if (response.status === 403 || response.status >= 500 || response.status === 404) {
        throw new TransientFailure(`The app answered ${response.status}`);
      }
      if (!response.ok || !json.data) {
        throw new Error(`Setup failed (${response.status}): ${JSON.stringify(json.errors ?? json, null, 2)}`);
      }
      return json.data;
    },
    {
      ...propagation,
      reason:
        "a new deployment's role assignments take up to 10 minutes to apply, and a new app a minute to start",
    },
  );
  const { admin_one_time_password: password, ...summary } = result;
  console.log(JSON.stringify(summary, null, 2));
  if (password) {
    console.log(`\nFirst administrator: ${adminUser}\nOne-time password (shown only now): ${password}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
