import { execSync } from 'node:child_process';
import { totpCode } from '../../src/auth/totp';
import { startBanner, summaryReminder } from '../../src/local/startBanner';
import { demoUsers } from '../../src/seed/demoDirectory';
import { PASSWORD, ROOT, TOTP_SECRET } from '../support/testApp';

const input = {
  url: 'http://localhost:7071',
  ports: { cosmos: 8081, blob: 10000, queue: 10001 },
  password: PASSWORD,
  totpSecret: TOTP_SECRET,
};

describe('the npm start summary', () => {
  const text = startBanner(input);

  it('names the API, every demo user and the password', () => {
    expect(text).toContain('http://localhost:7071/api/v2');
    expect(text).toMatch(/Web app +http:\/\/localhost:7071\/ /);
    for (const u of demoUsers) expect(text).toContain(u.user_name);
    expect(text).toContain(PASSWORD);
  });

  it('shows how a 2FA user signs in: a command that prints a valid code, sent in totp_code', () => {
    const command = /CODE=\$\((.+)\)\n/.exec(text)?.[1];
    expect(command).toBeDefined();
    const code = execSync(command as string, { cwd: ROOT, encoding: 'utf8' }).trim();
    const now = Date.now();
    expect([-30_000, 0, 30_000].map((d) => totpCode(TOTP_SECRET, new Date(now + d)))).toContain(code);
    expect(text).toMatch(/"user_name":"admin_gh","password":"[^"]+","totp_code":"'\$CODE'"/);
  });

  it('has a one-line reminder for when the logs scroll it away', () => {
    const line = summaryReminder(input.url, PASSWORD);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('http://localhost:7071/api/v2');
    expect(line).toContain('totp_code');
  });
});
