import type { Field } from './fieldSchema';
import type { Form } from './formSchema';
import type { MessageArgs, MessageKey } from '../messages/catalogue';

/** One field's problem: its path in the record and what it accepts (turned into text in the caller's locale). */
export interface Problem {
  path: string;
  key: MessageKey;
  args?: MessageArgs;
}

export interface CheckContext {
  now: Date;
  /** The country's local date (YYYY-MM-DD), for `not_future_date` on a date without time. */
  today: string;
}

/** What option sources resolve to when the validator is compiled: the ids a value may hold. */
export interface References {
  lookups: ReadonlyMap<string, ReadonlySet<string>>;
  locations: ReadonlySet<string>;
  agencies: ReadonlySet<string>;
  users: ReadonlySet<string>;
}

/** Checks a non-null value; pushes at most one problem for a plain field, one per bad entry field for a subform. */
export type FieldCheck = (value: unknown, path: string, ctx: CheckContext, out: Problem[]) => void;

// The limits the fixed schema had (shortText, longText, subform lists), kept for fields that set none.
const TEXT_MAX = 500;
const TEXTAREA_MAX = 50_000;
const MAX_ENTRIES = 1000;
const MAX_SELECTED = 500;
const CUSTOM_MAX = 10_000;
const MAX_NESTING = 3;
// A device clock a few minutes fast must not make "now" a future time.
const CLOCK_SKEW_MS = 5 * 60_000;

// A year typed wrong (9999 for 1999, 1800 for 2018) is refused: casework has no date before 1850 (a date of
// birth goes back 130 years at most) and plans nothing beyond 2199.
export const YEARS = { from: 1850, to: 2199 } as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const ENTRY_ID = /^[A-Za-z0-9-]{1,64}$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function realDay(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/**
 * 25:61 or an offset of +99:00 is no time: stored, it read as no date at all, and a service's response due
 * at it got no reminder. Offsets span -12:00 to +14:00.
 */
function realTime(match: RegExpExecArray): boolean {
  const [hour, minute, second = '0', offsetHour = '0', offsetMinute = '0'] = match.slice(4);
  return (
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHour) <= 14 &&
    Number(offsetMinute) <= 59
  );
}

/** A problem with a date value, or undefined; `withTime` takes an ISO date-time with offset. */
function dateProblem(field: Field, value: unknown, ctx: CheckContext): MessageKey | undefined {
  const withTime = field.date_include_time;
  const match = typeof value === 'string' ? (withTime ? DATE_TIME : DATE).exec(value) : null;
  if (
    !match ||
    !realDay(match[1] as string, match[2] as string, match[3] as string) ||
    (withTime && !realTime(match))
  )
    return withTime ? 'date_time' : 'date';
  const future =
    field.date_validation === 'not_future_date' &&
    (withTime
      ? Date.parse(value as string) > ctx.now.getTime() + CLOCK_SKEW_MS
      : (value as string) > ctx.today);
  if (future) return 'future';
  const year = Number(match[1]);
  return year < YEARS.from || year > YEARS.to ? 'year_out_of_range' : undefined;
}

/** The ids a select box or radio button accepts. */
function optionIds(field: Field, refs: References): ReadonlySet<string> {
  if (field.option_strings_text) return new Set(field.option_strings_text.map((o) => o.id));
  const source = field.option_strings_source ?? '';
  if (source === 'Location' || source === 'ReportingLocation') return refs.locations;
  if (source === 'Agency') return refs.agencies;
  if (source === 'User') return refs.users;
  // A lookup deleted since publishing accepts nothing new (stored values stay).
  return refs.lookups.get(source.replace(/^lookup /, '')) ?? new Set();
}

function notAnOption(field: Field): MessageKey {
  const source = field.option_strings_source;
  if (source === 'Location' || source === 'ReportingLocation') return 'location';
  if (source === 'Agency') return 'agency';
  if (source === 'User') return 'user';
  return 'option';
}

/** The tally's count keys: the English labels (Primero stores counts under them), else the first locale's. */
export function tallyKeys(field: Field): string[] {
  const tally = field.tally ?? {};
  return tally.en ?? Object.values(tally)[0] ?? [];
}

const one =
  (problem: (value: unknown, ctx: CheckContext) => Omit<Problem, 'path'> | undefined): FieldCheck =>
  (value, path, ctx, out) => {
    const found = problem(value, ctx);
    if (found) out.push({ path, ...found });
  };

/**
 * The check of one field, with its options and nested sections resolved now, so that a write runs only
 * closures over sets (a 300-field record in microseconds).
 */
export function compileField(
  field: Field,
  nested: ReadonlyMap<string, Form>,
  refs: References,
  depth = 0,
): FieldCheck {
  switch (field.type) {
    case 'text_field':
    case 'textarea': {
      const max = field.max_length ?? (field.type === 'textarea' ? TEXTAREA_MAX : TEXT_MAX);
      return one((v) => {
        if (typeof v !== 'string') return { key: 'text' };
        return v.length > max ? { key: 'too_long', args: { max } } : undefined;
      });
    }
    case 'numeric_field': {
      const { min_value: min, max_value: max } = field;
      return one((v): Omit<Problem, 'path'> | undefined => {
        if (typeof v !== 'number' || !Number.isInteger(v)) return { key: 'whole_number' };
        if (min !== null && v < min) return { key: 'at_least', args: { min } };
        if (max !== null && v > max) return { key: 'at_most', args: { max } };
        return undefined;
      });
    }
    case 'tick_box':
      return one((v) => (typeof v === 'boolean' ? undefined : { key: 'boolean' }));
    case 'date_field':
      return one((v, ctx) => {
        const key = dateProblem(field, v, ctx);
        return key && { key, ...(key === 'year_out_of_range' ? { args: YEARS } : {}) };
      });
    case 'date_range':
      return one((v, ctx) => {
        if (!isObject(v) || Object.keys(v).some((k) => k !== 'from' && k !== 'to'))
          return { key: 'date_range' };
        for (const end of ['from', 'to'] as const) {
          if (v[end] === undefined || v[end] === null) continue;
          const key = dateProblem(field, v[end], ctx);
          if (key === 'year_out_of_range') return { key, args: YEARS };
          if (key) return { key: key === 'future' ? 'future' : 'date_range' };
        }
        const { from, to } = v as { from?: string | null; to?: string | null };
        if (from && to && Date.parse(from) > Date.parse(to)) return { key: 'range_order' };
        return undefined;
      });
    case 'radio_button':
    case 'select_box': {
      const ids = optionIds(field, refs);
      const bad = notAnOption(field);
      if (!field.multi_select)
        return one((v) => (typeof v === 'string' && ids.has(v) ? undefined : { key: bad }));
      return one((v) => {
        if (!Array.isArray(v) || v.length > MAX_SELECTED)
          return { key: 'options', args: { max: MAX_SELECTED } };
        if (v.some((id) => typeof id !== 'string' || !ids.has(id))) return { key: bad };
        return new Set(v).size === v.length ? undefined : { key: 'option_repeated' };
      });
    }
    case 'tally_field': {
      const keys = tallyKeys(field);
      const allowed = new Set(keys);
      const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
      return one((v) => {
        if (!isObject(v)) return { key: 'tally', args: { keys: keys.join(', ') } };
        let sum = 0;
        for (const [k, n] of Object.entries(v)) {
          if (k === 'total') continue;
          if (!allowed.has(k) || !count(n)) return { key: 'tally', args: { keys: keys.join(', ') } };
          sum += n as number;
        }
        if (v.total !== undefined && v.total !== sum) return { key: 'tally_total' };
        return undefined;
      });
    }
    case 'subform':
      return compileSubform(field, nested, refs, depth);
    // Files travel through POST /{records}/{id}/attachments, which keeps the record's list of them.
    case 'photo_upload_box':
    case 'audio_upload_box':
    case 'document_upload_box':
    case 'signature':
      return one(() => ({ key: 'attachment' }));
    case 'separator':
      return one(() => ({ key: 'no_value' }));
    case 'calculated':
      return one(() => ({ key: 'computed' }));
    case 'custom':
      // A widget only its client understands: any JSON, bounded.
      return one((v) =>
        JSON.stringify(v).length > CUSTOM_MAX ? { key: 'too_large', args: { max: CUSTOM_MAX } } : undefined,
      );
  }
}

/** A subform: a list of entries, each checked by its nested section; `unique_id` and `_destroy` are the entry's own. */
function compileSubform(
  field: Field,
  nested: ReadonlyMap<string, Form>,
  refs: References,
  depth: number,
): FieldCheck {
  const section = nested.get(field.subform_section_id ?? '');
  const checks = new Map<string, FieldCheck>();
  // Sections nest a few levels at most; a loop in the configuration stops here rather than recursing forever.
  if (section && depth < MAX_NESTING)
    for (const f of section.fields) checks.set(f.name, compileField(f, nested, refs, depth + 1));
  return (value, path, ctx, out) => {
    if (!Array.isArray(value) || value.length > MAX_ENTRIES) {
      out.push({ path, key: 'subform', args: { max: MAX_ENTRIES } });
      return;
    }
    // Two changes to one entry in one request contradict each other: the last one silently won.
    const ids = new Set<string>();
    value.forEach((entry, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(entry)) {
        out.push({ path: at, key: 'entry' });
        return;
      }
      for (const [key, v] of Object.entries(entry)) {
        const where = `${at}.${key}`;
        if (key === 'unique_id') {
          if (typeof v !== 'string' || !ENTRY_ID.test(v)) out.push({ path: where, key: 'entry_id' });
          else if (ids.has(v)) out.push({ path: where, key: 'entry_twice' });
          else ids.add(v);
        } else if (key === '_destroy') {
          if (v !== true) out.push({ path: where, key: 'destroy' });
        } else {
          const check = checks.get(key);
          if (!check) out.push({ path: where, key: 'not_a_known_field' });
          else if (v !== null) check(v, where, ctx, out);
        }
      }
    });
  };
}
