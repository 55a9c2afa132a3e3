import { createHash } from 'node:crypto';
import { findReadableRecord } from '../src/records/recordAccess';
import { createRecord } from '../src/records/recordCreator';
import { caseKind } from '../src/cases/caseKind';
import { RecordRepository } from '../src/records/recordRepository';
import type { CaseDocument } from '../src/records/recordDocument';
import type { Principal } from '../src/auth/principal';
import type { RecordSealer } from '../src/records/recordCipher';
import type { User } from '../src/users/types';
import type { BenchStack } from './benchStack';
import { ms, percentile, timed } from './stats';

// Stores fields as they are: the baseline only, never wired into the app.
const plaintext: RecordSealer = {
  seal: async (d) => d,
  open: async (d) => d,
  searchHashes: async () => [],
  categoryTokens: async (_cc, _field, values) => values.map(String),
  protectionOf: async () => 'plain',
  categoricalFields: async () => [],
  protectionVersions: async () => ({}),
  fingerprint: async (_cc, text) => createHash('sha256').update(text).digest('hex'),
};

const sample = (i: number) => ({
  name: `Encrypted Child ${i}`,
  date_of_birth: '2014-02-03',
  address_current: `${i} Long Road, Accra`,
  telephone_current: '+233 20 000 0000',
  sex: 'female',
  notes_section: [{ note_text: 'A narrative of a few sentences about the child and the family situation.' }],
});

/** Case create+read through the commands (validation, scope, storage) with field encryption vs without. */
export async function benchEncryption(stack: BenchStack, n: number): Promise<string[]> {
  const { app } = stack;
  const user = (await app.users.findByUserName('cw_gh')) as User;
  const role = (await app.users.findRole('GH', user.role_unique_id))!;
  const principal: Principal = { user, role, countryCode: 'GH', tokenId: 'bench', tokenExpiresAt: 0 };
  const run = async (cases: RecordRepository<CaseDocument>) => {
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) await createRecord(app.records, cases, principal, sample(i)); // warm-up
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      await timed(async () => {
        const { doc } = await createRecord(app.records, cases, principal, sample(i));
        await findReadableRecord(cases, principal, doc.id);
      }, samples);
    }
    return { total: Number(process.hrtime.bigint() - start) / 1e6, samples };
  };
  const encrypted = await run(app.records.cases);
  const clear = await run(new RecordRepository<CaseDocument>(app.containers.records, plaintext, caseKind));
  return [
    `cases create+read, ${n} each, with field encryption vs without (same emulator, same commands):`,
    `  ratio encrypted/plain (total time)   ${(encrypted.total / clear.total).toFixed(2)}x   (encrypted ${ms(encrypted.total)}, plain ${ms(clear.total)})`,
    `  encrypted p50 ${ms(percentile(encrypted.samples, 50))}  p95 ${ms(percentile(encrypted.samples, 95))}   plain p50 ${ms(percentile(clear.samples, 50))}  p95 ${ms(percentile(clear.samples, 95))}`,
  ];
}
