import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/testApp';

// The audit actions an endpoint files, as written in functions/ (`action: 'x'`, `audit('x')`), and those the
// sign-in and the request chain file themselves.
const functionsDir = join(ROOT, 'functions');
const source = readdirSync(functionsDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(functionsDir, f), 'utf8'))
  .join('\n');
const filed = new Set([
  ...[...source.matchAll(/action: '([a-z_]+)'/g), ...source.matchAll(/audit\('([a-z_]+)'\)/g)].map(
    (m) => m[1],
  ),
  'login',
  'login_failed',
  'login_throttled',
  'denied',
]);

it("every audit action an endpoint files is in docs/api.md's list", () => {
  const docs = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
  const section = docs.slice(
    docs.indexOf('## Audit log'),
    docs.indexOf('\n## ', docs.indexOf('## Audit log') + 1),
  );
  const listed = new Set([...section.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
  expect(filed.size).toBeGreaterThan(20);
  expect([...filed].filter((a) => !listed.has(a)).sort()).toEqual([]);
});
