import type { Principal } from '../auth/principal';
import { parseOr422 } from '../http/validation';
import { resolveConflicts } from '../sync/conflictResolution';
import { resolveConflictsSchema } from '../sync/schema';
import type { RecordDeps } from './recordDeps';
import type { RecordDocument } from './recordDocument';
import type { RecordRepository } from './recordRepository';
import { revisedRecord, validatedChanges } from './recordRevision';
import { writeRecord } from './recordWriter';

/** PATCH: merges the fields sent into the record (see writeRecord for If-Match and concurrent writes). */
export async function updateRecord<T extends RecordDocument>(
  deps: Pick<RecordDeps, 'settings' | 'clock' | 'history' | 'validation'>,
  repo: RecordRepository<T>,
  principal: Principal,
  id: string,
  data: Record<string, unknown>,
  ifMatch: string | null,
): Promise<T> {
  const [settings, validators] = await Promise.all([
    deps.settings.get(principal.countryCode),
    deps.validation.current(principal.countryCode),
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
      const next = revisedRecord(repo.kind, doc, fields, settings, principal, now, subforms);
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
