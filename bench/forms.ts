import { caseKind } from '../src/cases/caseKind';
import type { References } from '../src/forms/fieldChecks';
import type { FieldInput } from '../src/forms/fieldSchema';
import { formSetSchema } from '../src/forms/formSet';
import { FormValidators } from '../src/forms/recordValidator';
import { formInputCheck, validateRecordInput } from '../src/records/recordInput';
import type { BenchStack } from './benchStack';
import { ms, percentile } from './stats';

const FIELDS = 300;
const options = Array.from({ length: 20 }, (_, i) => ({
  id: `option_${i}`,
  display_text: { en: `Option ${i}` },
}));
const refs: References = {
  lookups: new Map([['lookup-bench', new Set(options.map((o) => o.id))]]),
  locations: new Set(Array.from({ length: 2000 }, (_, i) => `GH${String(i).padStart(4, '0')}`)),
  agencies: new Set(['agency-unicef']),
  users: new Set(['cw_gh']),
};

// One field of each common type in turn, and the value a caseworker would send for it.
const kinds: [Omit<FieldInput, 'name' | 'display_name'>, unknown][] = [
  [{ type: 'text_field' }, 'Some short text'],
  [{ type: 'textarea' }, 'A longer narrative '.repeat(20)],
  [{ type: 'numeric_field', min_value: 0, max_value: 1000 }, 42],
  [{ type: 'tick_box' }, true],
  [{ type: 'date_field', date_validation: 'not_future_date' }, '2026-01-15'],
  [{ type: 'date_field', date_include_time: true }, '2026-01-15T10:30:00Z'],
  [{ type: 'select_box', option_strings_text: options }, 'option_3'],
  [
    { type: 'select_box', option_strings_source: 'lookup lookup-bench', multi_select: true },
    ['option_1', 'option_7'],
  ],
  [{ type: 'radio_button', option_strings_source: 'lookup lookup-bench' }, 'option_2'],
  [{ type: 'select_box', option_strings_source: 'Location' }, 'GH0101'],
];

/** A form of 300 fields and a record filling every one of them. */
function bigForm() {
  const fields: FieldInput[] = [];
  const record: Record<string, unknown> = {};
  for (let i = 0; i < FIELDS; i++) {
    const [field, value] = kinds[i % kinds.length] as (typeof kinds)[number];
    const name = `field_${i}`;
    fields.push({ ...field, name, display_name: { en: name } } as FieldInput);
    record[name] = value;
  }
  const forms = formSetSchema.parse([
    {
      unique_id: 'bench',
      parent_form: 'case',
      module_ids: ['primeromodule-cp'],
      name: { en: 'Bench' },
      fields,
    },
  ]);
  return { forms, record };
}

function validationTime(): string[] {
  const { forms, record } = bigForm();
  const ctx = { now: new Date(), today: new Date().toISOString().slice(0, 10) };
  const started = process.hrtime.bigint();
  const validators = new FormValidators(1, forms, refs);
  const check = formInputCheck(validators, caseKind, 'primeromodule-cp', ctx);
  const compileMs = Number(process.hrtime.bigint() - started) / 1e6;
  // Per-record time as the mean of batches of 50: on a shared machine a single sample's tail is the
  // scheduler's, not ours; the median batch is what a write costs.
  const batches: number[] = [];
  for (let b = 0; b < 120; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) validateRecordInput(caseKind, record, [], {}, check);
    if (b >= 20) batches.push(Number(process.hrtime.bigint() - start) / 1e6 / 50); // after JIT warm-up
  }
  const us = (v: number) => `${(v * 1000).toFixed(0)} µs`;
  return [
    `forms validation of a ${FIELDS}-field record (compiled once per forms version in ${ms(compileMs)}):`,
    `  per record: median ${us(percentile(batches, 50))}  best ${us(percentile(batches, 0))}  p90 ${us(percentile(batches, 90))}   (target well under 1 ms)`,
  ];
}

const sample = (i: number) => ({
  name: `Forms Bench ${i}`,
  sex: i % 2 ? 'female' : 'male',
  age: i % 18,
  risk_level: 'medium',
  protection_concerns: ['separated'],
  location_current: 'GH0101',
  followup_subform_section: [{ followup_type: 'home_visit', followup_needed_by_date: '2026-12-01' }],
});

/**
 * Create + read through the API with GH's default CP forms, and the same with the fixed case schema (the
 * validator told no forms are published), alternating in rounds so that both see the same emulator.
 */
async function createReadRatio(stack: BenchStack, n: number): Promise<string[]> {
  const token = await stack.login('cw_gh');
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const validation = stack.app.records.validation;
  const byForms = validation.current.bind(validation);
  const noForms = new FormValidators(0, [], refs);
  const fixed = async () => noForms;
  const totals = { forms: 0, fixed: 0 };
  const createReadOne = async (i: number) => {
    const created = await fetch(`${stack.url}/api/v2/cases`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ data: sample(i) }),
    });
    if (created.status !== 200) throw new Error(`create failed: ${created.status} ${await created.text()}`);
    const { data } = (await created.json()) as { data: { id: string } };
    const read = await fetch(`${stack.url}/api/v2/cases/${data.id}`, { headers });
    if (read.status !== 200) throw new Error(`read failed: ${read.status}`);
    await read.arrayBuffer();
  };
  for (let i = 0; i < 20; i++) await createReadOne(i); // warm-up
  const rounds = 10;
  const per = Math.max(1, Math.floor(n / rounds));
  try {
    for (let round = 0; round < rounds; round++)
      for (const mode of round % 2 ? (['fixed', 'forms'] as const) : (['forms', 'fixed'] as const)) {
        validation.current = mode === 'forms' ? byForms : fixed;
        const start = process.hrtime.bigint();
        for (let i = 0; i < per; i++) await createReadOne(i);
        totals[mode] += Number(process.hrtime.bigint() - start) / 1e6;
      }
  } finally {
    validation.current = byForms;
  }
  const count = per * rounds;
  return [
    `cases create+read, ${count} each, default CP forms vs the fixed case schema:`,
    `  ratio forms/fixed (total time)   ${(totals.forms / totals.fixed).toFixed(2)}x   (forms ${ms(totals.forms)}, fixed ${ms(totals.fixed)})   (target ≤ 1.2x)`,
  ];
}

export async function benchForms(stack: BenchStack, n: number): Promise<string[]> {
  return [...validationTime(), ...(await createReadRatio(stack, n))];
}
