import { randomUUID } from 'node:crypto';
import type { RecordRepository } from '../src/records/recordRepository';
import type { CaseDocument } from '../src/records/recordDocument';
import { runReminders } from '../src/reminders/reminderJob';
import type { BenchStack } from './benchStack';

const DUE = Number(process.env.BENCH_REMINDERS_DUE ?? 200);
const SMALL = Number(process.env.BENCH_REMINDERS_SMALL ?? 2_000);
const LARGE = Number(process.env.BENCH_REMINDERS_LARGE ?? 20_000);

interface Measured {
  fetched: number;
  written: number;
  msOutsideQueries: number;
  /** Of which: time in the record writes (the emulator's cost grows with the container's size). */
  msWrites: number;
}

/** Inserts `total` open cases in a fresh country, `dueCount` of them with an overdue follow-up. */
async function seedCountry(stack: BenchStack, country: string, total: number, dueCount: number) {
  await stack.app.containers.config.items.upsert({
    id: 'settings',
    type: 'country_settings',
    country_code: country,
    name: country,
    time_zone: 'UTC',
    locales: ['en'],
    form_fields: { case: [] },
  });
  const past = new Date(Date.now() - 2 * 86_400_000).toISOString();
  const future = new Date(Date.now() + 30 * 86_400_000).toISOString();
  for (let i = 0; i < total; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, total - i) }, (_, j) => {
        const id = randomUUID();
        const due = i + j < dueCount;
        const at = due ? past : future;
        const reminder = { id: `followup_due:f:${at}`, type: 'followup_due', due_at: at, ref: 'f' };
        return stack.app.containers.records.items.create({
          id,
          record_type: 'case',
          country_code: country,
          module_id: 'primeromodule-cp',
          enabled: true,
          status: 'open',
          owned_by: 'bench_user',
          owned_by_agency_id: 'a',
          owned_by_groups: [],
          associated_user_names: ['bench_user'],
          short_id: id.slice(-7),
          case_id_display: id.slice(-7),
          version: 1,
          alert_count: 0,
          reminders: [reminder],
          alerted_reminders: [],
          next_due_at: at,
        });
      }),
    );
  }
}

/** One run of the job, counting what it reads and writes and timing everything but the Cosmos queries. */
async function measure(stack: BenchStack, country: string): Promise<Measured> {
  const real = stack.app.records.cases;
  const m = { fetched: 0, written: 0, queryMs: 0, writeMs: 0 };
  const cases = Object.assign(Object.create(real) as RecordRepository<CaseDocument>, {
    query: async (...args: Parameters<RecordRepository<CaseDocument>['query']>) => {
      const start = performance.now();
      const docs = await real.query(...args);
      m.queryMs += performance.now() - start;
      m.fetched += docs.length;
      return docs;
    },
    queryPages: async function* (...args: Parameters<RecordRepository<CaseDocument>['queryPages']>) {
      const pages = real.queryPages(...args);
      for (;;) {
        const start = performance.now();
        const next = await pages.next();
        m.queryMs += performance.now() - start;
        if (next.done) return;
        m.fetched += next.value.length;
        yield next.value;
      }
    },
    replace: async (...args: Parameters<RecordRepository<CaseDocument>['replace']>) => {
      m.written += 1;
      const start = performance.now();
      try {
        return await real.replace(...args);
      } finally {
        m.writeMs += performance.now() - start;
      }
    },
  });
  const start = performance.now();
  await runReminders(
    {
      cases,
      alerts: stack.app.alerts,
      queue: stack.app.notifications.queue,
      settings: stack.app.settings,
      roles: stack.app.records.roles,
      clock: stack.app.clock,
    },
    country,
  );
  return {
    fetched: m.fetched,
    written: m.written,
    msOutsideQueries: performance.now() - start - m.queryMs,
    msWrites: m.writeMs,
  };
}

/**
 * The job's cost should follow what is due, not how many cases exist: the same number due among ten times
 * more cases. (The emulator scans linearly inside a query, so query time is left out; real Cosmos uses the
 * next_due_at index.)
 */
export async function benchReminders(stack: BenchStack): Promise<string[]> {
  // The 1,000 among 5,000 vs 50,000 (BENCH_REMINDERS_DUE=1000 BENCH_REMINDERS_SMALL=5000
  // BENCH_REMINDERS_LARGE=50000) takes ~25 minutes on the emulator, which scans every document per query
  // and per write; by default the same tenfold spread at a fifth of the size shows the same thing.
  await seedCountry(stack, 'QA', SMALL, DUE);
  await seedCountry(stack, 'QB', LARGE, DUE);
  const small = await measure(stack, 'QA');
  const large = await measure(stack, 'QB');
  const r = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(2)}x`);
  return [
    `reminders job, ${DUE} due among ${LARGE} cases vs among ${SMALL} (each ratio should stay near 1):`,
    `  documents fetched ${r(large.fetched, small.fetched)} (${large.fetched} vs ${small.fetched}), written ${r(large.written, small.written)} (${large.written} vs ${small.written}), time outside queries ${r(large.msOutsideQueries, small.msOutsideQueries)} (${large.msOutsideQueries.toFixed(0)} ms vs ${small.msOutsideQueries.toFixed(0)} ms), of which record writes ${r(large.msWrites, small.msWrites)} (${large.msWrites.toFixed(0)} ms vs ${small.msWrites.toFixed(0)} ms)`,
  ];
}
