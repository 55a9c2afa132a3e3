import { rejection } from './rejection';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { findReadableRecord } from '../records/recordAccess';
import type { RecordDeps } from '../records/recordDeps';
import type { RecordRepository } from '../records/recordRepository';
import { revisedRecord, validatedChanges } from '../records/recordRevision';
import { presentRecord } from '../records/recordPresenter';
import { disableRecord } from '../records/recordUpdater';
import { writeRecord } from '../records/recordWriter';
import { refusalOf, unprocessable } from '../errors';
import { fieldVersion } from './fieldVersions';
import type { FieldGrants } from '../forms/fieldAccess';
import { heldEntries, heldReport, NOT_PERMITTED, splitHeld } from './heldChanges';
import { offlineCreate } from './offlineCreate';
import type { Mutation, MutationResult } from './schema';

type Entry = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** A partial entry agrees with the stored one when every field it sends already has that value. */
const agrees = (stored: Entry | undefined, sent: Entry) =>
  !!stored && Object.entries(sent).every(([k, v]) => (k === '_destroy' ? false : same(stored[k], v)));

interface Conflict {
  field: string;
  server_value: unknown;
  client_value: unknown;
}

/**
 * One offline mutation against the current record, as a three-way merge: a field the client changed that
 * the server has not changed since `base_version` is applied; one both changed (to different values) is a
 * conflict — the server value stays, the client value is kept on the record in `sync_conflicts` until
 * someone resolves it. Subform entries merge the same way, one entry at a time. A field of a form the role
 * may not edit is held the same way (heldChanges.ts): the rest of the mutation applies.
 */
export async function applyMutation(
  deps: RecordDeps,
  repo: RecordRepository,
  principal: Principal,
  m: Mutation,
): Promise<MutationResult> {
  try {
    const grants = await deps.fieldAccess.grantsFor(principal);
    if (m.op === 'create') return await offlineCreate(deps, repo, principal, grants, m);
    if (m.op === 'disable') {
      const doc = await disableRecord(deps, repo, principal, m.id, null);
      return { mutation_id: m.mutation_id, result: 'applied', record: presentRecord(doc, grants) };
    }
    if (m.base_version === undefined)
      throw unprocessable([{ detail: 'base_version', message: 'is required for an update' }]);
    return await mergeUpdate(deps, repo, principal, grants, m, m.base_version);
  } catch (error) {
    // A record that fails its integrity check refuses this mutation only: the device's others still apply.
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return rejection(repo.kind, m.mutation_id, refusal.status, refusal.entries);
  }
}

async function mergeUpdate(
  deps: RecordDeps,
  repo: RecordRepository,
  principal: Principal,
  grants: FieldGrants,
  m: Mutation,
  base: number,
): Promise<MutationResult> {
  const [settings, validators, roles] = await Promise.all([
    deps.settings.get(principal.countryCode),
    deps.validation.current(principal.countryCode),
    deps.roles.current(principal.countryCode),
  ]);
  let conflicts: Conflict[] = [];
  let held: string[] = [];
  const { kind } = repo;
  const doc = await writeRecord(deps, repo, principal, {
    id: m.id,
    action: 'write',
    ifMatch: null,
    change: (current, now) => {
      // Held before validation: a held value is checked when someone accepts it, and cannot sink the rest.
      const split = splitHeld(grants, kind, current.module_id, m.changes ?? {}, current);
      held = split.held;
      const { fields, subforms } = validatedChanges(
        kind,
        current,
        split.allowed,
        settings,
        principal,
        validators,
        now,
      );
      conflicts = [];
      const accepted: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(fields)) {
        if (subforms.has(field) && Array.isArray(value)) {
          const stored = new Map(((current[field] as Entry[]) ?? []).map((e) => [e.unique_id, e]));
          const kept = (value as Entry[]).filter((entry) => {
            const id = entry.unique_id;
            if (id === undefined || fieldVersion(current, field, id) <= base || agrees(stored.get(id), entry))
              return true;
            conflicts.push({
              field: `${field}[${String(id)}]`,
              server_value: stored.get(id) ?? null,
              client_value: entry,
            });
            return false;
          });
          if (kept.length > 0) accepted[field] = kept;
        } else if (fieldVersion(current, field) > base && !same(current[field], value)) {
          conflicts.push({ field, server_value: current[field] ?? null, client_value: value });
        } else {
          accepted[field] = value;
        }
      }
      const changed = Object.entries(accepted).some(([k, v]) => !same(current[k], v));
      if (!changed && conflicts.length === 0 && held.length === 0) return undefined;
      const next = revisedRecord(kind, current, accepted, settings, principal, now, roles, subforms);
      next.forms_version = grants.formsVersion;
      if (conflicts.length > 0 || held.length > 0) {
        const recorded = conflicts.map((c) => ({
          unique_id: randomUUID(),
          field: c.field,
          client_value: c.client_value,
          server_value: c.server_value,
          user_name: principal.user.user_name,
          at: now.toISOString(),
          mutation_id: m.mutation_id,
        }));
        const kept = heldEntries(held, m.changes ?? {}, current, principal, now, m.mutation_id);
        next.sync_conflicts = [...((current.sync_conflicts as Entry[]) ?? []), ...recorded, ...kept];
      }
      return next;
    },
  });
  return {
    mutation_id: m.mutation_id,
    result: conflicts.length > 0 ? 'conflict' : 'applied',
    record: presentRecord(doc, grants),
    ...(conflicts.length > 0 ? { conflicts } : {}),
    ...heldReport(held),
  };
}

/** The answer to a replayed mutation: its first outcome, with the record as it is now. */
export async function duplicateResult(
  deps: Pick<RecordDeps, 'fieldAccess'>,
  repo: RecordRepository,
  principal: Principal,
  m: Mutation,
  first: {
    result: MutationResult['result'];
    errors?: MutationResult['errors'];
    held_fields?: string[];
  },
): Promise<MutationResult & { first_result: MutationResult['result'] }> {
  const grants = await deps.fieldAccess.grantsFor(principal);
  const found = await findReadableRecord(repo, principal, m.id).catch(() => undefined);
  const doc = found && presentRecord(found, grants);
  type Stored = Conflict & { mutation_id: string; reason?: string };
  const conflicts = ((doc?.sync_conflicts as Stored[] | undefined) ?? [])
    .filter((c) => c.mutation_id === m.mutation_id && c.reason !== NOT_PERMITTED)
    .map(({ field, server_value, client_value }) => ({ field, server_value, client_value }));
  return {
    mutation_id: m.mutation_id,
    result: 'duplicate',
    first_result: first.result,
    ...(doc ? { record: doc } : {}),
    ...(conflicts.length > 0 ? { conflicts } : {}),
    ...heldReport(first.held_fields ?? []),
    ...(first.errors ? { errors: first.errors } : {}),
  };
}
