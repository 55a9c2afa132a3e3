import type { Principal } from '../auth/principal';
import type { CaseDeps } from './caseDeps';
import type { CaseDocument } from './caseDocument';
import { revisedCase, validatedChanges } from './caseRevision';
import { writeCase } from './caseWriter';
import { parseOr422 } from '../http/validation';
import { resolveConflicts } from '../sync/conflictResolution';
import { resolveConflictsSchema } from '../sync/schema';

/** PATCH: merges the fields sent into the case (see writeCase for If-Match and concurrent writes). */
export async function updateCase(
  deps: CaseDeps,
  principal: Principal,
  id: string,
  data: Record<string, unknown>,
  ifMatch: string | null,
): Promise<CaseDocument> {
  const settings = await deps.settings.get(principal.countryCode);
  // Decisions on offline sync conflicts travel with an ordinary PATCH.
  const { resolve_conflicts: rawResolutions, ...fieldData } = data;
  const resolutions =
    rawResolutions === undefined
      ? []
      : parseOr422(resolveConflictsSchema, rawResolutions, ['resolve_conflicts']);
  return writeCase(deps, principal, {
    id,
    action: 'write',
    ifMatch,
    change: (doc, now) => {
      const resolved = resolutions.length > 0 ? resolveConflicts(doc, resolutions) : undefined;
      const fields = validatedChanges(doc, { ...fieldData, ...resolved?.changes }, settings, principal);
      const next = revisedCase(doc, fields, settings, principal, now);
      if (resolved) next.sync_conflicts = resolved.remaining;
      return next;
    },
  });
}

/** DELETE: disables the case (it stays readable to those in scope). Disabling twice changes nothing. */
export function disableCase(deps: CaseDeps, principal: Principal, id: string, ifMatch: string | null) {
  return writeCase(deps, principal, {
    id,
    action: 'enable_disable_record',
    ifMatch,
    change: (doc) => (doc.enabled ? { ...doc, enabled: false } : undefined),
  });
}
