/**
 * A handful of demo cases per country, with some follow-ups already overdue. Fixed ids: reseeding is idempotent.
 * Values are the default forms' option ids and the demo locations' codes (a GBV case has no risk level).
 */
export interface DemoCase {
  id: string;
  country_code: string;
  owner: string;
  daysAgo: number;
  fields: Record<string, unknown>;
}

const dayOffset = (today: Date, days: number) =>
  new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export function demoCases(today: Date): DemoCase[] {
  const d = (days: number) => dayOffset(today, days);
  const cases: DemoCase[] = [
    {
      id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0001',
      country_code: 'GH',
      owner: 'cw_gh',
      daysAgo: 20,
      fields: {
        name: 'Amina Mensah',
        sex: 'female',
        date_of_birth: '2012-03-14',
        risk_level: 'high',
        protection_concerns: ['separated', 'out_of_school'],
        location_current: 'GH0101',
        consent_for_services: true,
        assessment_due_date: d(-3),
        followup_subform_section: [
          {
            followup_type: 'home_visit',
            followup_needed_by_date: d(-2),
            followup_comments: 'Check school enrolment',
          },
        ],
      },
    },
    {
      id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0002',
      country_code: 'GH',
      owner: 'cw_gh',
      daysAgo: 10,
      fields: {
        name: 'Kwame Asare',
        sex: 'male',
        age: 9,
        risk_level: 'medium',
        protection_concerns: ['unaccompanied'],
        location_current: 'GH0201',
        followup_subform_section: [{ followup_type: 'phone_call', followup_needed_by_date: d(5) }],
      },
    },
    {
      id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0003',
      country_code: 'GH',
      owner: 'cw2_gh',
      daysAgo: 5,
      fields: {
        name: 'Esi Quaye',
        sex: 'female',
        age: 15,
        risk_level: 'low',
        location_current: 'GH02',
        case_plan_due_date: d(-1),
      },
    },
    {
      id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0004',
      country_code: 'GH',
      owner: 'gbv_gh',
      daysAgo: 3,
      fields: {
        module_id: 'primeromodule-gbv',
        name: 'Adwoa Sarpong',
        sex: 'female',
        age: 17,
      },
    },
    {
      id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0005',
      country_code: 'KE',
      owner: 'cw_ke',
      daysAgo: 15,
      fields: {
        name: 'Otieno Ochieng',
        sex: 'male',
        age: 12,
        risk_level: 'high',
        location_current: 'KE01',
        followup_subform_section: [{ followup_type: 'school_visit', followup_needed_by_date: d(-4) }],
      },
    },
    {
      id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0006',
      country_code: 'KE',
      owner: 'cw_ke',
      daysAgo: 2,
      fields: {
        name: 'Achieng Atieno',
        sex: 'female',
        age: 8,
        risk_level: 'medium',
        location_current: 'KE0201',
      },
    },
  ];
  for (const c of cases) c.fields.registration_date = d(-c.daysAgo);
  return cases;
}

/** A GBV incident recorded from the GBV demo case, and a tracing request per country. */
export function demoOtherRecords(
  today: Date,
): (DemoCase & { record_type: 'incident' | 'tracing_request' })[] {
  const d = (days: number) => dayOffset(today, days);
  return [
    {
      record_type: 'incident',
      id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0101',
      country_code: 'GH',
      owner: 'gbv_gh',
      daysAgo: 5,
      fields: {
        incident_case_id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0004',
        date_of_first_report: d(-5),
        incident_date: d(-6),
        incident_timeofday: 'evening',
        gbv_sexual_violence_type: 'physical_assault',
        incident_description: 'Demo narrative: assaulted on the way back from the market.',
        survivor_code: 'GH-S-0001',
        perpetrator_subform_section: [{ perpetrator_sex: 'male', age_group: '26_40' }],
      },
    },
    {
      record_type: 'tracing_request',
      id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0201',
      country_code: 'GH',
      owner: 'cw_gh',
      daysAgo: 3,
      fields: {
        inquiry_date: d(-3),
        relation_name: 'Esi Boateng',
        relation: 'mother',
        location_separation: 'Tamale bus station',
        tracing_request_subform_section: [{ name: 'Kofi Boateng', sex: 'male', age: 7 }],
      },
    },
    {
      record_type: 'tracing_request',
      id: '0b6f7c1e-5a51-4c57-9a0e-1f3a6c1d0202',
      country_code: 'KE',
      owner: 'cw_ke',
      daysAgo: 1,
      fields: {
        inquiry_date: d(-1),
        relation_name: 'Wanjiru Kamau',
        relation: 'aunt',
        tracing_request_subform_section: [{ name: 'Baraka Kamau', sex: 'male', age: 10 }],
      },
    },
  ];
}
