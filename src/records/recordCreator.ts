import { createHash } from 'node:crypto';
import { msg } from '../messages/catalogue';
import { can, type Principal } from '../auth/principal';
import { localDate } from '../countries/countrySettingsRepository';
import { conflict, forbidden, unprocessable } from '../errors';
import { fieldChanges } from '../history/recordHistory';
import { uuid } from './fieldTypes';
import { applyRecordChanges, newRecordId, shortIdOf } from './recordChanges';
import type { RecordDeps } from './recordDeps';
import type { RecordDocument } from './recordDocument';
import { assertWritable } from './fieldPermissions';
import { validateNewRecord } from './recordInput';
import type { RecordRepository } from './recordRepository';

export interface CreateResult<T extends RecordDocument> {
  doc: T;
  /** False when this was a repeat of a create the same user already made (offline retry). */
  created: boolean;
}

/**
 * Registers a record owned by the caller. A client may bring its own UUID (created offline): repeating the
 * same create returns the stored record; a different record under a taken id is a 409. `serverFields` are
 * set by the caller's own logic (an incident's link to its case), never by the client.
 */
export async function createRecord<T extends RecordDocument>(
  deps: Pick<RecordDeps, 'settings' | 'clock' | 'history' | 'ids' | 'validation' | 'fieldAccess' | 'roles'>,
  repo: RecordRepository<T>,
  principal: Principal,
  data: Record<string, unknown>,
  serverFields: Record<string, unknown> = {},
): Promise<CreateResult<T>> {
  const { kind } = repo;
  if (!can(principal, kind.resource, 'create'))
    throw forbidden(`Your role does not allow creating ${kind.resource}`);
  const { id: clientId, ...input } = data;
  if (clientId !== undefined && !uuid.safeParse(clientId).success) {
    throw unprocessable([{ detail: 'id', ...msg('uuid') }]);
  }
  const [settings, validators, grants, roles] = await Promise.all([
    deps.settings.get(principal.countryCode),
    deps.validation.current(principal.countryCode),
    deps.fieldAccess.grantsFor(principal),
    deps.roles.current(principal.countryCode),
  ]);
  const now = deps.clock.now();
  const today = localDate(now, settings.time_zone);
  const { moduleId, fields, subforms } = validateNewRecord(
    kind,
    principal,
    input,
    settings.form_fields[kind.type] ?? [],
    validators,
    { now, today },
  );
  assertWritable(grants, kind, moduleId, fields, {});
  const me = principal.user.user_name;

  const clientFields = applyRecordChanges(kind, {}, fields, principal, now, subforms);
  for (const [key, value] of Object.entries(kind.defaults(today))) clientFields[key] ??= value;
  kind.derive(clientFields, {
    previous: {},
    principal,
    now,
    today,
    settings,
    roles: roles.of(kind.type, moduleId),
  });

  const id = (clientId as string | undefined) ?? newRecordId();
  const shortId = shortIdOf(id);
  const request = canonicalJson(
    Object.keys(serverFields).length > 0 ? { me, data, serverFields } : { me, data },
  );
  // Keyed: a plain hash of the payload would let anyone reading Cosmos confirm a guessed name.
  const fingerprint = await repo.cipher.fingerprint(principal.countryCode, request);
  const doc = {
    reminders: [],
    next_due_at: null,
    ...clientFields,
    ...serverFields,
    ...kind.identity(id, shortId),
    id,
    record_type: kind.type,
    country_code: principal.countryCode,
    short_id: shortId,
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
    forms_version: grants.formsVersion,
    flag_count: 0,
    alert_count: 0,
    create_fingerprint: fingerprint,
  } as unknown as T;
  const reserved =
    clientId === undefined ? undefined : await reserveId(deps, repo, id, principal.countryCode);
  const stored = await repo.create(doc).catch(async (error: unknown) => {
    if (reserved) await deps.ids.releaseRecordId(id); // a retry must find the id free again
    throw error;
  });
  if (stored) {
    await appendCreated(deps, stored, me);
    return { doc: stored, created: true };
  }

  const existing = await repo.find(principal.countryCode, id);
  // Records created before fingerprints were keyed carry a plain SHA-256 of the same request.
  const legacy = () => createHash('sha256').update(request).digest('hex');
  const same = existing?.create_fingerprint === fingerprint || existing?.create_fingerprint === legacy();
  if (existing && existing.created_by === me && same) {
    // The first attempt may have stored the record and then timed out before its history: write it now
    // (same id, so an entry already there is only rewritten).
    if (existing.version === 1) await appendCreated(deps, existing, me);
    return { doc: existing, created: false };
  }
  throw idTaken();
}

function appendCreated(deps: Pick<RecordDeps, 'history'>, doc: RecordDocument, me: string) {
  return deps.history.append({
    country_code: doc.country_code,
    record_type: doc.record_type,
    record_id: doc.id,
    version: 1,
    action: 'create',
    user_name: me,
    at: doc.created_at,
    changes: fieldChanges({}, doc),
  });
}

/** The same answer as a taken id in the caller's country: which country holds it is not theirs to know. */
const idTaken = () => conflict(msg('record_id_taken'), 'id');

/** Reserves a client's id deployment-wide (true if this call made the reservation); 409 if another country holds it. */
async function reserveId(
  deps: Pick<RecordDeps, 'ids'>,
  repo: RecordRepository,
  id: string,
  countryCode: string,
): Promise<boolean> {
  const { owner, fresh, sameSpelling } = await deps.ids.reserveRecordId(id, countryCode);
  if (owner !== countryCode || !sameSpelling) throw idTaken();
  if (fresh && (await repo.heldElsewhere(id, countryCode))) {
    await deps.ids.releaseRecordId(id);
    throw idTaken();
  }
  return fresh;
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
