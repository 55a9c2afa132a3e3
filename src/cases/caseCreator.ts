import { createHash } from 'node:crypto';
import { can, type Principal } from '../auth/principal';
import { localDate } from '../countries/countrySettingsRepository';
import { conflict, forbidden, unprocessable } from '../errors';
import { fieldChanges } from '../history/recordHistory';
import { uuid } from '../records/fieldTypes';
import type { CaseDeps } from './caseDeps';
import { applyCaseChanges, deriveCaseFields, newRecordId, shortIdOf } from './caseDerivedFields';
import type { CaseDocument } from './caseDocument';
import { validateCaseInput } from './caseInput';
import { chooseModule } from './caseModule';

export interface CreateResult {
  doc: CaseDocument;
  /** False when this was a repeat of a create the same user already made (offline retry). */
  created: boolean;
}

/**
 * Registers a case owned by the caller. A client may bring its own UUID (created offline): repeating the
 * same create returns the stored case; a different case under a taken id is a 409.
 */
export async function createCase(
  deps: CaseDeps,
  principal: Principal,
  data: Record<string, unknown>,
): Promise<CreateResult> {
  if (!can(principal, 'cases', 'create')) throw forbidden('Your role does not allow creating cases');
  const { id: clientId, ...input } = data;
  if (clientId !== undefined && !uuid.safeParse(clientId).success) {
    throw unprocessable([{ detail: 'id', message: 'must be a UUID' }]);
  }
  const settings = await deps.settings.get(principal.countryCode);
  const fields = validateCaseInput(input, settings.form_fields.case);
  const moduleId = chooseModule(principal, fields.module_id);
  const now = deps.clock.now();
  const today = localDate(now, settings.time_zone);
  const me = principal.user.user_name;

  const clientFields = applyCaseChanges({}, fields, principal, now);
  clientFields.status ??= 'open';
  clientFields.registration_date ??= today;
  deriveCaseFields(clientFields, today, {
    previous: {},
    principal,
    now,
    timeZone: settings.time_zone,
    approvalDays: settings.approval_reminder_days,
  });

  const id = (clientId as string | undefined) ?? newRecordId();
  const shortId = shortIdOf(id);
  const fingerprint = createHash('sha256').update(canonicalJson({ me, data })).digest('hex');
  const doc: CaseDocument = {
    ...clientFields,
    id,
    record_type: 'case',
    country_code: principal.countryCode,
    case_id: id,
    short_id: shortId,
    case_id_display: shortId,
    module_id: moduleId,
    enabled: true,
    owned_by: me,
    owned_by_agency_id: principal.user.agency_unique_id,
    owned_by_groups: principal.user.user_group_unique_ids,
    assigned_user_names: [],
    associated_user_names: [me],
    created_at: now.toISOString(),
    created_by: me,
    last_updated_at: now.toISOString(),
    last_updated_by: me,
    version: 1,
    workflow: clientFields.workflow as string,
    flag_count: 0,
    alert_count: 0,
    reminders: clientFields.reminders as CaseDocument['reminders'],
    next_due_at: clientFields.next_due_at as string | null,
    registration_date: clientFields.registration_date as string,
    age: clientFields.age as number | null,
    create_fingerprint: fingerprint,
  };
  const stored = await deps.cases.create(doc);
  if (stored) {
    await deps.history.append({
      country_code: stored.country_code,
      record_id: stored.id,
      version: 1,
      action: 'create',
      user_name: me,
      at: stored.created_at,
      changes: fieldChanges({}, stored),
    });
    return { doc: stored, created: true };
  }

  const existing = await deps.cases.find(principal.countryCode, id);
  if (existing && existing.created_by === me && existing.create_fingerprint === fingerprint) {
    return { doc: existing, created: false };
  }
  throw conflict('A record with this id already exists', 'id');
}

/** JSON with sorted keys, so that the same create hashes the same whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
