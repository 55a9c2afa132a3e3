import { demoUsers } from '../seed/demoDirectory';
import { MASTER_KEY_SECRET } from './masterKey';

export interface BannerInput {
  url: string;
  ports: { cosmos: number; blob: number; queue: number; table?: number };
  password: string;
  totpSecret: string;
}

const totpCommand = (totpSecret: string) =>
  `node -e "console.log(new (require('otpauth').TOTP)({secret:'${totpSecret}'}).generate())"`;

/** What `npm start` prints last: where the API is, who can sign in, and how (with a TOTP code for 2FA users). */
export function startBanner({ url, ports, password, totpSecret }: BannerInput): string {
  const users = demoUsers.map(
    (u) =>
      `  ${u.user_name.padEnd(9)} ${u.country_codes.join('+').padEnd(6)} ${u.role_unique_id}${u.totp ? ' (2FA)' : ''}`,
  );
  const twoFactor = demoUsers.filter((u) => u.totp).map((u) => u.user_name);
  return `
primero-serverless is running.

  Web app          ${url}/   (the caseworker app; sign in with a demo user below)
  API              ${url}/api/v2   (OpenAPI: ${url}/api/v2/openapi.json)
  Cosmos emulator  https://127.0.0.1:${ports.cosmos}
  Azurite          blob :${ports.blob}  queue :${ports.queue}${ports.table ? `  table :${ports.table}` : ''}

Demo users (password: ${password}):
${users.join('\n')}

Admin-level functions (/api/v2/admin/country_setup) need the master key: x-functions-key, the secret
${MASTER_KEY_SECRET} in .data/keys.json

Sign in and list your cases:
  TOKEN=$(curl -s -X POST ${url}/api/v2/tokens -H 'Content-Type: application/json' \\
    -d '{"user":{"user_name":"cw_gh","password":"${password}"}}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -s ${url}/api/v2/cases -H "Authorization: Bearer $TOKEN"

${twoFactor.join(', ')} also send a TOTP code in "totp_code" (secret ${totpSecret}):
  CODE=$(${totpCommand(totpSecret)})
  curl -s -X POST ${url}/api/v2/tokens -H 'Content-Type: application/json' \\
    -d '{"user":{"user_name":"${twoFactor[0] ?? 'admin_gh'}","password":"${password}","totp_code":"'$CODE'"}}'

Press Ctrl-C to stop everything.
`;
}

/** One line repeating the summary once host logs have scrolled it away. */
export const summaryReminder = (url: string, password: string) =>
  `-- API ${url}/api/v2 · demo users ${demoUsers.map((u) => u.user_name).join(', ')} · password ${password} · 2FA users add "totp_code" (see the summary above) --`;
