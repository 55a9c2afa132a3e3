import type { CountrySettings } from '../../src/countries/types';
import { protectionOf, searchableFields } from '../../src/records/protection';
import { recordKinds } from '../../src/records/recordKinds';

const { case: caseKind, incident } = recordKinds;

describe('protection classes', () => {
  it('seals any field a kind does not declare: custom fields and subform fields included', () => {
    for (const path of ['displacement_status', 'closure_reason', 'services_section.service_type', 'x.y'])
      expect(protectionOf(caseKind, undefined, path)).toBe('sealed');
    expect(protectionOf(caseKind, undefined, 'services_section.unique_id')).toBe('plain');
    expect(protectionOf(caseKind, undefined, '_etag')).toBe('plain');
  });

  it('answers the declared classes per kind', () => {
    expect(protectionOf(caseKind, undefined, 'owned_by')).toBe('plain');
    expect(protectionOf(caseKind, undefined, 'age')).toBe('plain');
    expect(protectionOf(caseKind, undefined, 'name_last')).toBe('sealed_searchable');
    expect(protectionOf(caseKind, undefined, 'sex')).toBe('sealed_categorical');
    expect(protectionOf(incident, undefined, 'gbv_sexual_violence_type')).toBe('sealed_categorical');
    expect(protectionOf(incident, undefined, 'registration_date')).toBe('sealed');
  });

  it('lets a country choose searchable, categorical or sealed-only, but never plain', () => {
    const settings: Pick<CountrySettings, 'field_protection' | 'sensitive_fields'> = {
      field_protection: {
        case: {
          displacement_status: 'sealed_categorical',
          nickname_local: 'sealed_searchable',
          interview_subject: 'plain',
          status: 'sealed',
        },
      },
      sensitive_fields: { case: ['risk_level'] },
    };
    expect(protectionOf(caseKind, settings, 'displacement_status')).toBe('sealed_categorical');
    expect(protectionOf(caseKind, settings, 'interview_subject')).toBe('sealed');
    expect(protectionOf(caseKind, settings, 'risk_level')).toBe('sealed');
    // Structural fields stay plain whatever the country says: the server queries them.
    expect(protectionOf(caseKind, settings, 'status')).toBe('plain');
    expect(searchableFields(caseKind, settings)).toEqual([
      ...caseKind.protection.searchable,
      'nickname_local',
    ]);
  });
});
