import { caseFieldsSchema, subforms } from '../../src/cases/schema';
import { incidentFieldsSchema } from '../../src/incidents/schema';
import { defaultForms } from '../../src/forms/defaults/defaultForms';
import { defaultLookups } from '../../src/forms/defaults/lookups';
import { compileRoles, defaultRecordRoles, roleProblems } from '../../src/forms/fieldRoles';
import { fieldSchema } from '../../src/forms/fieldSchema';
import { formSetProblems, formSetSchema } from '../../src/forms/formSet';

const parsed = formSetSchema.parse(defaultForms);
const lookupIds = new Set(defaultLookups.map((l) => l.unique_id));
const fieldsOf = (parent: string, module: string) =>
  new Set(
    parsed
      .filter((f) => f.parent_form === parent && f.module_ids.includes(module as never))
      .flatMap((f) => f.fields.map((x) => x.name)),
  );

describe('the default configuration', () => {
  it("gives the behaviours' roles to today's fields, as a module without forms has them", () => {
    expect(roleProblems(parsed)).toEqual([]);
    const roles = compileRoles(1, parsed);
    expect(roles.of('case', 'primeromodule-cp')).toEqual(defaultRecordRoles);
    expect(roles.of('case', 'primeromodule-gbv').fields).toEqual({
      services_subform: 'services_section',
      service_type: 'service_type',
      service_appointment_date: 'service_appointment_date',
      service_implemented_on: 'service_implemented_day_time',
      closure_date: 'date_closure',
    });
    for (const [type, module] of [
      ['incident', 'primeromodule-cp'],
      ['incident', 'primeromodule-gbv'],
      ['tracing_request', 'primeromodule-cp'],
    ] as const)
      expect(roles.of(type, module).fields).toEqual({ closure_date: 'date_closure' });
    // A version published before roles existed (no `role` key at all) plays them by today's names.
    const before = parsed.map((f) => ({ ...f, fields: f.fields.map(({ role: _, ...rest }) => rest) }));
    expect(compileRoles(1, before as typeof parsed).of('case', 'primeromodule-cp')).toEqual(
      defaultRecordRoles,
    );
  });

  it('is a valid form set whose lookups all exist', () => {
    expect(formSetProblems(parsed, lookupIds)).toEqual([]);
    expect(formSetProblems(parsed, new Set())).not.toEqual([]);
  });

  it('has a CP module of about 150 fields holding every field of the fixed case schema', () => {
    const cp = parsed.filter((f) => f.module_ids.includes('primeromodule-cp') && f.parent_form === 'case');
    expect(cp.flatMap((f) => f.fields).length).toBeGreaterThanOrEqual(140);
    const names = fieldsOf('case', 'primeromodule-cp');
    for (const key of Object.keys(caseFieldsSchema.shape)) expect(names).toContain(key);
    for (const [subform, schema] of Object.entries(subforms))
      for (const key of Object.keys(schema.shape).filter((k) => k !== 'unique_id' && k !== '_destroy'))
        expect(parsed.find((f) => f.unique_id === subform)?.fields.map((x) => x.name)).toContain(key);
  });

  it('holds every incident field', () => {
    const names = fieldsOf('incident', 'primeromodule-gbv');
    for (const key of Object.keys(incidentFieldsSchema.shape)) expect(names).toContain(key);
  });

  it('options of inline selects and lookups are translated in English and French', () => {
    for (const lookup of defaultLookups)
      for (const value of lookup.values)
        expect(Object.keys(value.display_text)).toEqual(expect.arrayContaining(['en', 'fr']));
  });
});

describe('a field', () => {
  const base = { name: 'x', display_name: { en: 'X' } };
  it.each([
    [{ type: 'select_box' }, 'option_strings_text'],
    [{ type: 'subform' }, 'subform_section_id'],
    [{ type: 'text_field', min_value: 1 }, 'min_value'],
    [{ type: 'numeric_field', min_value: 5, max_value: 1 }, 'max_value'],
    [{ type: 'text_field', protection: 'sealed_categorical' }, 'protection'],
    [{ type: 'select_box', option_strings_source: 'lookup' }, 'option_strings_source'],
  ])('%o is refused at %s', (extra, path) => {
    const result = fieldSchema.safeParse({ ...base, ...extra });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(path);
  });
  it('is sealed unless it says otherwise', () => {
    expect(fieldSchema.parse({ ...base, type: 'text_field' }).protection).toBe('sealed');
  });
});
