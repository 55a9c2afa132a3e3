import { caseKind } from '../../src/cases/caseKind';
import { defaultForms } from '../../src/forms/defaults/defaultForms';
import { defaultLookups } from '../../src/forms/defaults/lookups';
import type { References } from '../../src/forms/fieldChecks';
import type { FieldInput } from '../../src/forms/fieldSchema';
import { formSetSchema } from '../../src/forms/formSet';
import type { FormInput } from '../../src/forms/formSchema';
import { FormValidators } from '../../src/forms/recordValidator';
import { localized } from '../../src/messages/catalogue';
import { AppError } from '../../src/errors';
import { formInputCheck, validateRecordInput } from '../../src/records/recordInput';
import { demoCases } from '../../src/seed/demoCases';
import { demoLocations } from '../../src/seed/demoLocations';

// Record validation by the forms, at the unit level: every field type with values it takes and refuses.
const now = new Date('2026-06-15T12:00:00Z');
const ctx = { now, today: '2026-06-15' };
const refs: References = {
  lookups: new Map(defaultLookups.map((l) => [l.unique_id, new Set(l.values.map((v) => v.id))])),
  locations: new Set(demoLocations('GH').map((l) => l.code)),
  agencies: new Set(['agency-unicef', 'agency-ngo-a']),
  users: new Set(['cw_gh', 'sup_gh']),
};

const f = (name: string, type: FieldInput['type'], extra: Partial<FieldInput> = {}): FieldInput => ({
  name,
  type,
  display_name: { en: name },
  ...extra,
});
const inline = [
  { id: 'a', display_text: { en: 'A' } },
  { id: 'b', display_text: { en: 'B' } },
];
const testForms: FormInput[] = [
  {
    unique_id: 'everything',
    parent_form: 'case',
    module_ids: ['primeromodule-cp'],
    name: { en: 'Every type' },
    fields: [
      f('short_text', 'text_field'),
      f('bounded_text', 'text_field', { max_length: 5 }),
      f('long_text', 'textarea'),
      f('count', 'numeric_field', { min_value: 0, max_value: 10 }),
      f('flag', 'tick_box'),
      f('day', 'date_field'),
      f('past_day', 'date_field', { date_validation: 'not_future_date' }),
      f('moment', 'date_field', { date_include_time: true }),
      f('past_moment', 'date_field', { date_include_time: true, date_validation: 'not_future_date' }),
      f('period', 'date_range'),
      f('one_inline', 'select_box', { option_strings_text: inline }),
      f('many_inline', 'select_box', { option_strings_text: inline, multi_select: true }),
      f('one_lookup', 'select_box', { option_strings_source: 'lookup lookup-risk-level' }),
      f('many_lookup', 'select_box', {
        option_strings_source: 'lookup lookup-protection-concerns',
        multi_select: true,
      }),
      f('radio', 'radio_button', { option_strings_source: 'lookup lookup-yes-no-unknown' }),
      f('place', 'select_box', { option_strings_source: 'Location' }),
      f('reporting_place', 'select_box', { option_strings_source: 'ReportingLocation' }),
      f('agency', 'select_box', { option_strings_source: 'Agency' }),
      f('worker', 'select_box', { option_strings_source: 'User' }),
      f('score', 'tally_field', { tally: { en: ['boys', 'girls'], fr: ['garçons', 'filles'] } }),
      f('visits', 'subform', { subform_section_id: 'visit' }),
      f('heading', 'separator'),
      f('photo', 'photo_upload_box'),
      f('audio', 'audio_upload_box'),
      f('document', 'document_upload_box'),
      f('signed', 'signature'),
      f('computed', 'calculated'),
      f('widget', 'custom'),
    ],
  },
  {
    unique_id: 'visit',
    parent_form: 'case',
    module_ids: ['primeromodule-cp'],
    name: { en: 'Visit' },
    is_nested: true,
    fields: [f('visit_date', 'date_field'), f('visit_kind', 'select_box', { option_strings_text: inline })],
  },
];
const validators = new FormValidators(7, formSetSchema.parse(testForms), refs);
const check = (data: Record<string, unknown>, locale = 'en', stored: Record<string, unknown> = {}) => {
  const forms = formInputCheck(validators, caseKind, 'primeromodule-cp', ctx);
  try {
    return { ok: validateRecordInput(caseKind, data, [], stored, forms) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // As the answer leaves the server: in the caller's language.
    const errors = error.entries.map((e) => ({ detail: e.detail, message: localized(e, locale) }));
    return { status: error.status, errors };
  }
};

const table: [field: string, valid: unknown[], invalid: [value: unknown, message: string][]][] = [
  [
    'short_text',
    ['x', '', 'a'.repeat(500)],
    [
      [42, 'must be text'],
      ['a'.repeat(501), 'must be at most 500 characters'],
    ],
  ],
  ['bounded_text', ['12345'], [['123456', 'must be at most 5 characters']]],
  [
    'long_text',
    ['a'.repeat(50_000)],
    [
      ['a'.repeat(50_001), 'must be at most 50000 characters'],
      [['x'], 'must be text'],
    ],
  ],
  [
    'count',
    [0, 10, 3],
    [
      [-1, 'must be at least 0'],
      [11, 'must be at most 10'],
      [3.5, 'must be a whole number'],
      ['3', 'must be a whole number'],
    ],
  ],
  [
    'flag',
    [true, false],
    [
      ['yes', 'must be true or false'],
      [1, 'must be true or false'],
    ],
  ],
  [
    'day',
    ['2026-02-28', '1850-01-01', '2199-12-31'],
    [
      ['2026-02-30', 'must be a date YYYY-MM-DD'],
      // A year typed wrong.
      ['9999-01-01', 'must be a date from 1850 to 2199'],
      ['1800-01-01', 'must be a date from 1850 to 2199'],
      ['01/02/2026', 'must be a date YYYY-MM-DD'],
      ['2026-01-01T10:00:00Z', 'must be a date YYYY-MM-DD'],
    ],
  ],
  ['past_day', ['2026-06-15', '2000-01-01'], [['2026-06-16', 'cannot be in the future']]],
  [
    'moment',
    [
      '2026-01-31T09:00:00Z',
      '2026-01-31T09:00:00.123+03:00',
      '2026-01-31T23:59:59-12:00',
      '2026-01-31T00:00+14:00',
    ],
    [
      ['2026-01-31', 'must be a date-time like 2026-01-31T09:00:00Z'],
      ['2026-01-31T09:00:00', 'must be a date-time like 2026-01-31T09:00:00Z'],
      // No such time: read as no date at all, a service due at it got no reminder.
      ['2026-01-01T25:61:61Z', 'must be a date-time like 2026-01-31T09:00:00Z'],
      ['2026-01-01T24:00:00Z', 'must be a date-time like 2026-01-31T09:00:00Z'],
      ['2026-01-01T10:60:00Z', 'must be a date-time like 2026-01-31T09:00:00Z'],
      ['2026-01-01T10:00:60Z', 'must be a date-time like 2026-01-31T09:00:00Z'],
      ['2026-01-01T00:00:00+99:00', 'must be a date-time like 2026-01-31T09:00:00Z'],
      ['2026-01-01T00:00:00+05:75', 'must be a date-time like 2026-01-31T09:00:00Z'],
    ],
  ],
  ['past_moment', ['2026-06-15T12:03:00Z'], [['2026-06-15T13:00:00Z', 'cannot be in the future']]],
  [
    'period',
    [{ from: '2026-01-01', to: '2026-02-01' }, { from: '2026-01-01' }, { to: null }],
    [
      [{ from: '2026-03-01', to: '2026-02-01' }, 'must not end before it starts'],
      [{ from: 'soon' }, 'must be {"from": date, "to": date}'],
      [{ start: '2026-01-01' }, 'must be {"from": date, "to": date}'],
      ['2026-01-01', 'must be {"from": date, "to": date}'],
    ],
  ],
  [
    'one_inline',
    ['a', 'b'],
    [
      ['c', 'is not one of the options'],
      [['a'], 'is not one of the options'],
    ],
  ],
  [
    'many_inline',
    [['a'], ['a', 'b'], []],
    [
      [['a', 'c'], 'is not one of the options'],
      ['a', 'must be a list of the options (at most 500)'],
      [['a', 'a'], 'lists an option twice'],
    ],
  ],
  [
    'one_lookup',
    ['high', 'low'],
    [
      ['extreme', 'is not one of the options'],
      ['High', 'is not one of the options'],
    ],
  ],
  ['many_lookup', [['separated', 'neglect']], [[['separated', 'street_child'], 'is not one of the options']]],
  [
    'radio',
    ['yes', 'unknown'],
    [
      ['maybe', 'is not one of the options'],
      [true, 'is not one of the options'],
    ],
  ],
  [
    'place',
    ['GH', 'GH0101'],
    [
      ['Accra', 'is not a known location'],
      ['KE01', 'is not a known location'],
    ],
  ],
  ['reporting_place', ['GH02'], [['GH99', 'is not a known location']]],
  ['agency', ['agency-unicef'], [['agency-acme', 'is not a known agency']]],
  ['worker', ['cw_gh'], [['cw_ke', 'is not a known user of this country']]],
  [
    'score',
    [{ boys: 2, girls: 3 }, { boys: 1, total: 1 }, {}],
    [
      [{ boys: -1 }, 'must be whole numbers from 0 for boys, girls'],
      [{ garçons: 1 }, 'must be whole numbers from 0 for boys, girls'],
      [{ boys: 1, girls: 1, total: 3 }, 'total must be the sum of the counts'],
      [5, 'must be whole numbers from 0 for boys, girls'],
    ],
  ],
  [
    'visits',
    [[], [{ visit_date: '2026-01-01', visit_kind: 'a' }], [{ unique_id: 'e-1', _destroy: true }]],
    [[{ visit_date: 'x' }, 'must be a list of entries (at most 1000)']],
  ],
  ['heading', [], [['x', 'holds no value']]],
  ['photo', [], [[[{ id: 'x' }], 'files are added and removed through the attachments endpoint']]],
  ['audio', [], [['x', 'files are added and removed through the attachments endpoint']]],
  ['document', [], [['x', 'files are added and removed through the attachments endpoint']]],
  [
    'signed',
    [],
    [['data:image/png;base64,AAAA', 'files are added and removed through the attachments endpoint']],
  ],
  ['computed', [], [[3, 'is computed by the server']]],
  [
    'widget',
    [{ any: ['shape'] }, 'x', 3],
    [['a'.repeat(10_001), 'must be at most 10000 characters of JSON']],
  ],
];

describe('a record is validated by the forms, every field type', () => {
  describe.each(table)('%s', (field, valid, invalid) => {
    // Separators, files and computed fields take no value from a client.
    if (valid.length > 0)
      it.each(valid.map((v) => [JSON.stringify(v).slice(0, 60), v]))('takes %s', (_label, value) => {
        expect(check({ [field]: value })).toEqual({ ok: { [field]: value } });
      });
    it.each(invalid.map(([v, m]) => [JSON.stringify(v).slice(0, 60), v, m]))(
      'refuses %s, one entry naming the field',
      (_label, value, message) => {
        expect(check({ [field]: value })).toEqual({ status: 422, errors: [{ detail: field, message }] });
      },
    );
    it('is cleared with null', () => {
      expect(check({ [field]: null })).toEqual({ ok: { [field]: null } });
    });
  });

  it('checks each subform entry by its nested section, keeping unique_id, one entry per bad field', () => {
    const entries = [
      { unique_id: 'v-1', visit_date: '2026-01-01' },
      { visit_date: 'soon', visit_kind: 'z', colour: 'red' },
      'not an entry',
      { unique_id: 'has spaces', _destroy: 'yes' },
    ];
    expect(check({ visits: entries })).toEqual({
      status: 422,
      errors: [
        { detail: 'visits[1].visit_date', message: 'must be a date YYYY-MM-DD' },
        { detail: 'visits[1].visit_kind', message: 'is not one of the options' },
        { detail: 'visits[1].colour', message: 'is not a known field' },
        { detail: 'visits[2]', message: 'must be an object' },
        { detail: 'visits[3].unique_id', message: 'must be letters, digits and dashes (at most 64)' },
        { detail: 'visits[3]._destroy', message: 'must be true' },
      ],
    });
    expect(check({ visits: [{ unique_id: 'v-1', visit_kind: 'b' }] })).toEqual({
      ok: { visits: [{ unique_id: 'v-1', visit_kind: 'b' }] },
    });
    // Two changes to one entry in one request: refused, not the last one taken.
    expect(
      check({
        visits: [
          { unique_id: 'v-1', visit_kind: 'a' },
          { unique_id: 'v-1', _destroy: true },
        ],
      }),
    ).toEqual({
      status: 422,
      errors: [{ detail: 'visits[1].unique_id', message: 'names an entry already given in this list' }],
    });
  });

  it('collects every field at once; unknown and server-owned fields are named too', () => {
    const res = check({
      count: 'x',
      flag: 'x',
      favourite_colour: 'blue',
      owned_by: 'someone',
      short_text: 'ok',
    });
    expect(res.errors?.map((e) => e.detail).sort()).toEqual([
      'count',
      'favourite_colour',
      'flag',
      'owned_by',
    ]);
    expect(res.errors?.find((e) => e.detail === 'favourite_colour')?.message).toBe(
      'is not a field of this form',
    );
  });

  it('answers in French or Arabic, and in English for a locale without messages', () => {
    expect(check({ count: 11, place: 'Accra', day: 'x' }, 'fr').errors).toEqual([
      { detail: 'count', message: 'doit être au plus 10' },
      { detail: 'place', message: "n'est pas un lieu connu" },
      { detail: 'day', message: 'doit être une date AAAA-MM-JJ' },
    ]);
    expect(check({ count: 11 }, 'ar').errors).toEqual([{ detail: 'count', message: 'يجب ألا يزيد عن 10' }]);
    expect(check({ count: 11 }, 'sw').errors).toEqual([{ detail: 'count', message: 'must be at most 10' }]);
  });

  it('accepts a value sent back as stored, even one the forms no longer allow (no change, no loss)', () => {
    const stored = { place: 'Accra', removed_field: 'kept', owned_by: 'cw_gh' };
    expect(check({ ...stored }, 'en', stored)).toEqual({ ok: { place: 'Accra', removed_field: 'kept' } });
    expect(check({ place: 'Tema' }, 'en', stored).errors).toEqual([
      { detail: 'place', message: 'is not a known location' },
    ]);
  });

  it('leaves types and modules without published forms to the fixed schema', () => {
    expect(validators.for('case', 'primeromodule-gbv')).toBeUndefined();
    expect(validators.for('tracing_request', 'primeromodule-cp')).toBeUndefined();
    expect(validators.for('case', 'primeromodule-cp')?.subforms).toEqual(new Set(['visits']));
  });
});

describe('the default forms', () => {
  const defaults = new FormValidators(1, formSetSchema.parse(defaultForms), refs);

  it("take today's demo cases of GH (option ids and location codes)", () => {
    for (const demo of demoCases(now).filter((c) => c.country_code === 'GH')) {
      const module = String(demo.fields.module_id ?? 'primeromodule-cp');
      const forms = formInputCheck(defaults, caseKind, module, ctx);
      expect(forms).toBeDefined();
      expect(() => validateRecordInput(caseKind, demo.fields, [], {}, forms)).not.toThrow();
    }
  });

  it('validate a 300-field record (the CP case forms and repeated subform entries) in one pass', () => {
    const forms = formInputCheck(defaults, caseKind, 'primeromodule-cp', ctx);
    const record = {
      name: 'A',
      sex: 'female',
      age: 9,
      location_current: 'GH0101',
      protection_concerns: ['separated'],
      followup_subform_section: Array.from({ length: 40 }, (_, i) => ({
        unique_id: `f-${i}`,
        followup_type: 'home_visit',
        followup_date: '2026-01-01',
        child_was_seen: true,
        followup_comments: 'x',
        need_further_followup: false,
        followup_action_taken: 'y',
      })),
    };
    expect(validateRecordInput(caseKind, record, [], {}, forms)).toEqual(record);
  });
});
