import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { RecordHistory } from '../src/history/recordHistory';
import type { RecordDeps } from '../src/records/recordDeps';
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

/** The same history writes, with the changes stored as they are: the baseline seals nothing at all. */
class PlainHistory extends RecordHistory {
  constructor(private readonly audit: Container) {
    super(audit, undefined as never);
  }
  override async append(entry: Parameters<RecordHistory['append']>[0]) {
    if (Object.keys(entry.changes).length === 0) return;
    await this.audit.items.upsert({
      id: `history-${entry.record_id}-${entry.version}`,
      type: 'record_history',
      ...entry,
      datetime: entry.at,
    });
  }
}

const TARGET = 1.1;

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
  // The baseline differs in one thing only: nothing is sealed, neither the record nor its history entry.
  type Side = { cases: RecordRepository<CaseDocument>; deps: RecordDeps };
  const sides: Record<'encrypted' | 'plain', Side> = {
    encrypted: { cases: app.records.cases, deps: app.records },
    plain: {
      cases: new RecordRepository<CaseDocument>(app.containers.records, plaintext, caseKind),
      deps: { ...app.records, history: new PlainHistory(app.containers.audit) },
    },
  };
  const once = async ({ cases, deps }: Side, i: number) => {
    const { doc } = await createRecord(deps, cases, principal, sample(i));
    await findReadableRecord(cases, principal, doc.id);
  };
  for (let i = 0; i < 10; i++) for (const side of Object.values(sides)) await once(side, i); // warm-up
  // Interleaved, so that the load of a shared machine and the growing containers weigh on both alike.
  const encryptedSamples: number[] = [];
  const plainSamples: number[] = [];
  for (let i = 0; i < n; i++) {
    await timed(() => once(sides.encrypted, i), encryptedSamples);
    await timed(() => once(sides.plain, i), plainSamples);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const encrypted = { total: sum(encryptedSamples), samples: encryptedSamples };
  const clear = { total: sum(plainSamples), samples: plainSamples };
  const ratio = encrypted.total / clear.total;
  return [
    `cases create+read, ${n} each, with field encryption vs without (same emulator, same commands):`,
    `  ratio encrypted/plain (total time)   ${ratio.toFixed(2)}x   (encrypted ${ms(encrypted.total)}, plain ${ms(clear.total)})   target <= ${TARGET.toFixed(2)}x: ${ratio <= TARGET ? 'met' : 'MISSED'}`,
    `  encrypted p50 ${ms(percentile(encrypted.samples, 50))}  p95 ${ms(percentile(encrypted.samples, 95))}   plain p50 ${ms(percentile(clear.samples, 50))}  p95 ${ms(percentile(clear.samples, 95))}`,
  ];
}
