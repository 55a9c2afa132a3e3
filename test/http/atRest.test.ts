import { randomUUID } from 'node:crypto';
import { isSealed } from '../../src/crypto/fieldCipher';
import { startTestApp, type TestApp } from '../support/testApp';

// Every value this file writes into a field that is not plain carries MARK: finding it anywhere at rest
// is a leak. (Random base64 holds these 6 characters by chance about once in 10^10 documents.)
const MARK = 'Qv9zKw';
const text = (field: string) => `${field} ${MARK}`;

// The fields kept in clear, exactly as the README's threat model lists them.
const plainEverywhere = [
  ...['id', 'short_id', 'country_code', 'record_type', 'module_id', 'status', 'enabled', 'record_state'],
  ...['owned_by', 'owned_by_agency_id', 'owned_by_groups', 'assigned_user_names', 'associated_user_names'],
  ...['former_user_names', 'created_at', 'created_by', 'last_updated_at', 'last_updated_by', 'version'],
  ...[
    'flag_count',
    'alert_count',
    'alert_subjects',
    'hidden_name',
    'reminders',
    'next_due_at',
    'alerted_reminders',
  ],
  ...['search_index', 'key_version', 'protection_version', 'create_fingerprint', 'attachment_ids'],
  ...['field_versions', 'forms_version'],
];
const plainOf: Record<string, string[]> = {
  case: ['case_id', 'case_id_display', 'workflow', 'registration_date', 'age'],
  incident: [
    ...['incident_id', 'incident_code', 'incident_case_id', 'incident_case_id_display'],
    ...['incident_date', 'date_of_first_report', 'age'],
  ],
  tracing_request: ['tracing_request_id', 'inquiry_date'],
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('cw_gh');
});
afterAll(() => t.close());

const ok = async (method: string, path: string, body?: unknown) => {
  const res = await t.call(method, path, { token, body });
  expect([200, 201]).toContain(res.status);
  return res.body.data;
};

async function writeEverything() {
  const caseData = {
    ...Object.fromEntries(
      ['name', 'name_first', 'name_middle', 'name_last', 'name_nickname'].map((f) => [f, text(f)]),
    ),
    ...Object.fromEntries(
      [
        ...['address_current', 'telephone_current', 'interview_subject', 'place_of_birth'],
        ...['protection_concerns_other', 'closure_comments'],
      ].map((f) => [f, text(f)]),
    ),
    // Option fields hold the forms' option ids and location codes: sealed too (the field-by-field check below).
    location_current: 'GH0101',
    closure_reason: 'reunified',
    nationality: ['ghana'],
    language: ['twi'],
    protection_concerns: ['other', 'sexual_violence'],
    displacement_status: 'idp',
    sex: 'female',
    risk_level: 'high',
    date_of_birth: '2012-04-17',
    consent_for_services: true,
    assessment_due_date: '2099-01-01',
    followup_subform_section: [
      {
        followup_type: 'home_visit',
        followup_comments: text('followup_comments'),
        followup_needed_by_date: '2020-01-01',
      },
    ],
    services_section: [
      {
        service_type: 'health',
        service_provider: text('service_provider'),
        service_location: text('service_location'),
        service_response_type: 'referral',
      },
    ],
    notes_section: [{ note_subject: text('note_subject'), note_text: text('note_text') }],
  };
  const c = await ok('POST', '/api/v2/cases', { data: caseData });
  // An update (history keeps from → to), a flag, and an offline edit that conflicts with it.
  await ok('PATCH', `/api/v2/cases/${c.id}`, { data: { closure_comments: text('closure_comments_2') } });
  await ok('POST', `/api/v2/cases/${c.id}/flags`, { data: { message: text('flag_message') } });
  await ok('POST', '/api/v2/sync/cases', {
    data: [
      {
        mutation_id: `m-${randomUUID()}`,
        op: 'update',
        id: c.id,
        base_version: c.version,
        changes: { closure_comments: text('closure_comments_offline') },
      },
    ],
  });
  await t.host.invoke('reminders', { isPastDue: false });
  await ok('POST', `/api/v2/cases/${c.id}/attachments`, {
    data: {
      field_name: 'photos',
      attachment_type: 'image',
      file_name: `photo-${MARK}.png`,
      content_type: 'image/png',
      description: text('description'),
      attachment: PNG.toString('base64'),
    },
  });

  const incident = await ok('POST', '/api/v2/incidents', {
    data: {
      ...Object.fromEntries(
        [
          'name',
          'incident_location',
          'incident_description',
          'harmful_traditional_practice',
          'survivor_code',
        ].map((f) => [f, text(f)]),
      ),
      sex: 'female',
      gbv_sexual_violence_type: 'rape',
      incident_location_type: 'market',
      perpetrator_subform_section: [
        {
          perpetrator_relationship: 'acquaintance',
          ...Object.fromEntries(
            ['perpetrator_occupation', 'perpetrator_nationality', 'perpetrator_name'].map((f) => [
              f,
              text(f),
            ]),
          ),
        },
      ],
    },
  });
  const tracing = await ok('POST', '/api/v2/tracing_requests', {
    data: {
      ...Object.fromEntries(
        [
          'relation_name',
          'relation_nickname',
          'relation_telephone',
          'relation_address',
          'location_separation',
          'separation_cause',
        ].map((f) => [f, text(f)]),
      ),
      relation: 'mother',
      relation_nationality: ['ghana'],
      tracing_request_subform_section: [
        Object.fromEntries(
          ['name', 'name_nickname', 'relation_to_inquirer', 'physical_description', 'location_last_seen'].map(
            (f) => [f, text(f)],
          ),
        ),
      ],
    },
  });
  return [c.id, incident.id, tracing.id] as string[];
}

describe('nothing sensitive in clear at rest', () => {
  let ids: string[];
  beforeAll(async () => {
    ids = await writeEverything();
  });

  it('no document of any container holds a value written into a non-plain field', async () => {
    const leaks: string[] = [];
    const { resources: containers } = await t.app.database.containers.readAll().fetchAll();
    expect(containers.map((c) => c.id)).toEqual(
      expect.arrayContaining(['records', 'audit', 'alerts', 'sync']),
    );
    let scanned = 0;
    for (const { id } of containers) {
      const { resources } = await t.app.database.container(id).items.readAll().fetchAll();
      for (const doc of resources) {
        scanned += 1;
        const json = JSON.stringify(doc);
        for (let at = json.indexOf(MARK); at >= 0; at = json.indexOf(MARK, at + 1))
          leaks.push(
            `${id}/${String(doc.type ?? doc.record_type)}: …${json.slice(Math.max(0, at - 60), at)}`,
          );
      }
    }
    expect(scanned).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
    // The writes did land: the API still gives every value back.
    const read = await ok('GET', `/api/v2/cases/${ids[0]}`);
    expect(read).toMatchObject({
      place_of_birth: text('place_of_birth'),
      closure_comments: text('closure_comments_2'),
    });
    expect(read.services_section[0].service_provider).toBe(text('service_provider'));
  });

  it('every stored field outside the plain list is sealed, top level and in subform entries', async () => {
    for (const id of ids) {
      const { resources } = await t.app.containers.records.items
        .query({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: id }] })
        .fetchAll();
      const doc = resources[0] as Record<string, unknown>;
      const plain = new Set([...plainEverywhere, ...(plainOf[doc.record_type as string] ?? [])]);
      const clear: string[] = [];
      for (const [field, value] of Object.entries(doc)) {
        if (field.startsWith('_') || plain.has(field) || isSealed(value)) continue;
        if (Array.isArray(value) && value.every((e) => typeof e === 'object' && e !== null)) {
          for (const entry of value as Record<string, unknown>[])
            for (const [sub, v] of Object.entries(entry))
              if (sub !== 'unique_id' && !isSealed(v)) clear.push(`${field}.${sub}`);
        } else clear.push(field);
      }
      expect({ type: doc.record_type, clear }).toEqual({ type: doc.record_type, clear: [] });
    }
  });
});
