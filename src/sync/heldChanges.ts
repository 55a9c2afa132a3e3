import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { FieldGrants } from '../forms/fieldAccess';
import { refusedKeys } from '../records/fieldPermissions';
import type { RecordKind } from '../records/recordKind';
import { chooseModule } from '../records/recordModule';
import { msg } from '../messages/catalogue';

type Fields = Record<string, unknown>;

/** Marks a kept value the pushing role could not write (beside the three-way merge's conflicts). */
export const NOT_PERMITTED = 'not_permitted';

/**
 * An offline mutation's changes split into what the role may write and what it may not. The refused
 * values are not dropped: they are kept on the record in `sync_conflicts` (reason `not_permitted`), where
 * a role that may edit the field accepts them with `resolve_conflicts` as any other conflict.
 */
export function splitHeld(
  grants: FieldGrants,
  kind: RecordKind,
  moduleId: unknown,
  changes: Fields,
  stored: Fields,
): { allowed: Fields; held: string[] } {
  const held = refusedKeys(grants, kind, moduleId, changes, stored);
  const allowed = Object.fromEntries(Object.entries(changes).filter(([key]) => !held.includes(key)));
  return { allowed, held };
}

/** The `sync_conflicts` entries that keep the held values. */
export function heldEntries(
  held: string[],
  changes: Fields,
  current: Fields,
  principal: Principal,
  now: Date,
  mutationId: string,
) {
  return held.map((field) => ({
    unique_id: randomUUID(),
    field,
    reason: NOT_PERMITTED,
    client_value: changes[field],
    server_value: current[field] ?? null,
    user_name: principal.user.user_name,
    at: now.toISOString(),
    mutation_id: mutationId,
  }));
}

/** The receipt's report of held fields, absent when there are none (the message's key kept, as for errors). */
export const heldReport = (held: string[]) =>
  held.length > 0 ? { held: held.map((field) => ({ field, ...msg('field_held') })) } : {};

/** The module a create will land in; an invalid choice is left for the create itself to refuse. */
export function createdModule(kind: RecordKind, principal: Principal, changes: Fields): unknown {
  try {
    return chooseModule(kind, principal, changes.module_id);
  } catch {
    return changes.module_id;
  }
}
