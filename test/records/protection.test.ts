import { defaultForms } from '../../src/forms/defaults/defaultForms';
import type { Form } from '../../src/forms/formSchema';
import { formSetSchema } from '../../src/forms/formSet';
import { protectionProblems } from '../../src/forms/protectionRules';
import { compileProtection, plainFieldsOf } from '../../src/records/protection';
import { kindOf } from '../../src/records/recordKinds';

const forms = formSetSchema.parse(defaultForms);
const map = compileProtection(forms);
const cp = 'primeromodule-cp';
const plainFields = (type: string) => plainFieldsOf(kindOf(type));
/** The default forms with one field of one form changed. */
const withField = (formId: string, name: string, change: Partial<Form['fields'][number]>): Form[] =>
  forms.map((form) =>
    form.unique_id !== formId
      ? form
      : { ...form, fields: form.fields.map((f) => (f.name === name ? { ...f, ...change } : f)) },
  );

describe('protection classes from the forms', () => {
  it("takes each field's class from its form field, subform fields as subform.field", () => {
    expect(map.classOf('case', cp, 'name_last')).toBe('sealed_searchable');
    expect(map.classOf('case', cp, 'sex')).toBe('sealed_categorical');
    expect(map.classOf('case', cp, 'date_of_birth')).toBe('sealed');
    expect(map.classOf('case', cp, 'services_section.service_type')).toBe('sealed_categorical');
    expect(map.classOf('incident', 'primeromodule-gbv', 'gbv_sexual_violence_type')).toBe(
      'sealed_categorical',
    );
    expect(map.classOf('tracing_request', cp, 'relation_name')).toBe('sealed_searchable');
    expect(map.searchable('case', cp)).toEqual(expect.arrayContaining(['name', 'name_first', 'name_last']));
    expect(map.searchable('case', cp)).not.toContain('date_of_birth');
  });

  it('seals what no form names: custom fields, unknown subform fields, another module', () => {
    for (const path of ['x_custom', 'services_section.x', 'x.y'])
      expect(map.classOf('case', cp, path)).toBe('sealed');
    // pss_distress_level is on a CP form only: a GBV case carries it sealed, without a token.
    expect(map.classOf('case', cp, 'pss_distress_level')).toBe('sealed_categorical');
    expect(map.classOf('case', 'primeromodule-gbv', 'pss_distress_level')).toBe('sealed');
    expect(map.filterClass('case', 'pss_distress_level')).toBe('sealed_categorical');
    expect(map.filterClass('case', 'date_of_birth')).toBe('sealed');
  });

  it('keeps the built-in plain fields plain whatever a form says, and nothing else', () => {
    for (const path of [
      'owned_by',
      'status',
      'age',
      'registration_date',
      'services_section.unique_id',
      '_etag',
    ])
      expect(map.classOf('case', cp, path)).toBe('plain');
    const saysSealed = compileProtection(withField('basic_identity', 'age', { protection: 'sealed' }));
    expect(saysSealed.classOf('case', cp, 'age')).toBe('plain');
    // A stored version from before the publish rule: a sensitive field called plain is sealed anyway.
    const saysPlain = compileProtection(
      withField('basic_identity', 'date_of_birth', { protection: 'plain' }),
    );
    expect(saysPlain.classOf('case', cp, 'date_of_birth')).toBe('sealed');
  });

  it('refuses at publish a form that calls a sensitive field plain, naming it', () => {
    expect(protectionProblems(forms, plainFields)).toEqual([]);
    expect(
      protectionProblems(withField('basic_identity', 'date_of_birth', { protection: 'plain' }), plainFields),
    ).toEqual([
      { detail: 'basic_identity.date_of_birth', message: expect.stringContaining('cannot be plain') },
    ]);
    expect(
      protectionProblems(withField('services_section', 'service_type', { protection: 'plain' }), plainFields),
    ).toEqual([{ detail: 'services_section.service_type', message: expect.any(String) }]);
  });

  it('fingerprints the classes of a record type: a class change moves it, a label change does not', () => {
    const before = map.fingerprint('case');
    expect(compileProtection(forms).fingerprint('case')).toBe(before);
    const relabelled = withField('basic_identity', 'ethnicity', { display_name: { en: 'Ethnic group' } });
    expect(compileProtection(relabelled).fingerprint('case')).toBe(before);
    const reclassed = compileProtection(
      withField('basic_identity', 'ethnicity', { protection: 'sealed_searchable' }),
    );
    expect(reclassed.fingerprint('case')).not.toBe(before);
    expect(reclassed.fingerprint('incident')).toBe(map.fingerprint('incident'));
  });
});
