import type { Principal } from '../auth/principal';
import { parseOr422 } from '../http/validation';
import { resolveConflicts } from '../sync/conflictResolution';
import { resolveConflictsSchema } from '../sync/schema';
import { assertResolvable, assertWritable } from './fieldPermissions';
import type { RecordDeps } from './recordDeps';
import type { RecordDocument } from './recordDocument';
import type { RecordRepository } from './recordRepository';
import { revisedRecord, validatedChanges } from './recordRevision';
import { writeRecord } from './recordWriter';

/** PATCH: merges the fields sent into the record (see writeRecord for If-Match and concurrent writes). */
export async function updateRecord<T extends RecordDocument>(
  deps: Pick<RecordDeps, 'settings' | 'clock' | 'history' | 'validation' | 'fieldAccess' | 'roles'>,
  repo: RecordRepository<T>,
  principal: Principal,
  id: string,
  data: Record<string, unknown>,
  ifMatch: string | null,
): Promise<T> {
  const [settings, validators, grants, roles] = await Promise.all([
    deps.settings.get(principal.countryCode),
    deps.validation.current(principal.countryCode),
    deps.fieldAccess.grantsFor(principal),
    deps.roles.current(principal.countryCode),
  ]);
  // Decisions on offline sync conflicts travel with an ordinary PATCH.
  const { resolve_conflicts: rawResolutions, ...fieldData } = data;
  const resolutions =
    rawResolutions === undefined
      ? []
      : parseOr422(resolveConflictsSchema, rawResolutions, ['resolve_conflicts']);
  return writeRecord(deps, repo, principal, {
    id,
    action: 'write',
    ifMatch,
    change: (doc, now) => {
      assertResolvable(
        grants,
        repo.kind,
        doc.module_id,
        resolutions.map((r) => r.field),
      );
      const resolved = resolutions.length > 0 ? resolveConflicts(doc, resolutions) : undefined;
      const { fields, subforms } = validatedChanges(
        repo.kind,
        doc,
        { ...fieldData, ...resolved?.changes },
        settings,
        principal,
        validators,
        now,
      );
      assertWritable(grants, repo.kind, doc.module_id, fields, doc);
      const next = revisedRecord(repo.kind, doc, fields, settings, principal, now, roles, subforms);
      (next as RecordDocument).forms_version = grants.formsVersion;
      if (resolved) (next as RecordDocument).sync_conflicts = resolved.remaining;
      return next;
    },
  });
}

/** DELETE: disables the record (it stays readable to those in scope). Disabling twice changes nothing. */
export function disableRecord<T extends RecordDocument>(
  deps: Pick<RecordDeps, 'clock' | 'history'>,
  repo: RecordRepository<T>,
  principal: Principal,
  id: string,
  ifMatch: string | null,
) {
  return writeRecord(deps, repo, principal, {
    id,
    action: 'enable_disable_record',
    ifMatch,
    change: (doc) => (doc.enabled ? { ...doc, enabled: false } : undefined),
  });
}
