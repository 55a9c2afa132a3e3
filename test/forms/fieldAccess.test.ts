import type { Principal } from '../../src/auth/principal';
import { defaultRoles } from '../../src/countries/defaultRoles';
import { defaultForms } from '../../src/forms/defaults/defaultForms';
import { FieldAccess } from '../../src/forms/fieldAccess';
import { formSetSchema } from '../../src/forms/formSet';
import type { FormsVersion } from '../../src/forms/formStore';
import type { CountrySettings } from '../../src/countries/types';
import type { Role, User } from '../../src/users/types';

// The field → form map and each role's grants over it, on the default configuration (no emulators).
// Without tracing request forms, to show a record type no form configures.
const forms = formSetSchema.parse(defaultForms).filter((f) => f.parent_form !== 'tracing_request');
let version: FormsVersion = {
  id: 'forms-v000001',
  type: 'forms_version',
  country_code: 'GH',
  version: 1,
  published_at: '2026-01-01T00:00:00Z',
  published_by: 'setup',
  forms,
};
const settings = {
  form_fields: { case: [{ name: 'legacy_note', type: 'string' }] },
} as unknown as CountrySettings;
const access = new FieldAccess(
  {
    current: async () => version,
  },
  { get: async () => settings },
);
const principal = (roleId: string): Principal => ({
  user: { user_name: 'u' } as User,
  role: { ...defaultRoles.find((r) => r.unique_id === roleId), country_code: 'GH' } as unknown as Role,
  countryCode: 'GH',
  tokenId: 't',
  tokenExpiresAt: 0,
});
const CP = 'primeromodule-cp';
const GBV = 'primeromodule-gbv';

describe('FieldAccess', () => {
  it("gives each key its form's grant, per record type and module", async () => {
    const cw = await access.grantsFor(principal('role-cp-caseworker'));
    expect(cw.access('case', CP, 'name')).toBe('rw');
    expect(cw.access('case', CP, 'pss_notes')).toBe('none'); // psychosocial assessment: not granted
    expect(cw.access('case', CP, 'services_section')).toBe('rw'); // a subform goes with its form
    expect(cw.access('case', CP, 'case_id_display')).toBe('unlisted'); // bookkeeping: no form defines it
    expect(cw.access('case', CP, 'legacy_note')).toBe('rw'); // an older custom field, in no form
    // A GBV case is read through the GBV forms, which the CP caseworker has no grant on.
    expect(cw.access('case', GBV, 'name')).toBe('none');
    // No form configures tracing requests: not governed by form grants.
    expect(cw.access('tracing_request', CP, 'inquiry_date')).toBe('rw');

    const regional = await access.grantsFor(principal('role-regional-supervisor'));
    expect(regional.access('case', CP, 'name')).toBe('r');
    const admin = await access.grantsFor(principal('role-admin'));
    expect(admin.all).toBe(true);
    expect(admin.access('case', CP, 'a_field_since_removed')).toBe('rw');
  });

  it('tells which forms an alert may name, nested forms going with their parent', async () => {
    const cw = await access.grantsFor(principal('role-cp-caseworker'));
    expect(cw.formReadable('followup')).toBe(true);
    expect(cw.formReadable('followup_subform_section')).toBe(true);
    expect(cw.formReadable('case_supervision')).toBe(false);
    expect(cw.formReadable('not_a_form')).toBe(true);
    const gbv = await access.grantsFor(principal('role-gbv-caseworker'));
    expect(gbv.formReadable('case_plan_interventions')).toBe(false);
  });

  it('follows the current forms version and reports it', async () => {
    const before = await access.grantsFor(principal('role-cp-caseworker'));
    expect(before.formsVersion).toBe(1);
    const withoutNickname = forms.map((f) =>
      f.unique_id === 'basic_identity'
        ? { ...f, fields: f.fields.filter((x) => x.name !== 'name_nickname') }
        : f,
    );
    version = { ...version, id: 'forms-v000002', version: 2, forms: withoutNickname };
    const after = await access.grantsFor(principal('role-cp-caseworker'));
    expect(after.formsVersion).toBe(2);
    expect(after.access('case', CP, 'name_nickname')).toBe('unlisted');
  });
});
