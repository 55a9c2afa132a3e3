import type { Principal } from '../auth/principal';
import { localDate } from '../countries/countrySettingsRepository';
import { AppError, preconditionFailed, unprocessable } from '../errors';
import { ifMatchHolds } from '../http/etag';
import { findCaseFor } from './caseAccess';
import { chooseModule } from './caseCreator';
import type { CaseDeps } from './caseDeps';
import { applyCaseChanges, deriveCaseFields } from './caseDerivedFields';
import type { CaseDocument } from './caseDocument';
import { validateCaseInput } from './caseInput';

const RETRIES = 5;

/**
 * Merges the fields sent into the case. With `If-Match`, a stale version is refused (412). Without it,
 * a concurrent write is not lost either: the merge is reapplied to the newer version, since the client
 * asked to change only the fields it sent.
 */
export async function updateCase(
  deps: CaseDeps,
  principal: Principal,
  id: string,
  data: Record<string, unknown>,
  ifMatch: string | null,
): Promise<CaseDocument> {
  const settings = await deps.settings.get(principal.countryCode);
  for (let attempt = 0; ; attempt++) {
    const doc = await findCaseFor(deps.cases, principal, id, 'write');
    if (!ifMatchHolds(ifMatch, doc._etag as string)) throw preconditionFailed();
    if (!doc.enabled)
      throw unprocessable([
        { detail: 'enabled', message: 'the case is disabled: it can be read, not changed' },
      ]);
    const fields = validateCaseInput(data, settings.form_fields.case, doc);
    if (fields.module_id !== undefined) fields.module_id = chooseModule(principal, fields.module_id);

    const now = deps.clock.now();
    const next = applyCaseChanges(doc, fields, principal, now) as CaseDocument;
    deriveCaseFields(next, localDate(now, settings.time_zone));
    next.version = doc.version + 1;
    next.last_updated_at = now.toISOString();
    next.last_updated_by = principal.user.user_name;
    try {
      return await deps.cases.replace(next, doc._etag as string);
    } catch (error) {
      const raced = error instanceof AppError && error.status === 412;
      if (!raced || ifMatch !== null || attempt >= RETRIES) throw error;
    }
  }
}

/** Disables the case (it stays readable to those in scope). Disabling a disabled case changes nothing. */
export async function disableCase(
  deps: CaseDeps,
  principal: Principal,
  id: string,
  ifMatch: string | null,
): Promise<CaseDocument> {
  for (let attempt = 0; ; attempt++) {
    const doc = await findCaseFor(deps.cases, principal, id, 'enable_disable_record');
    if (!ifMatchHolds(ifMatch, doc._etag as string)) throw preconditionFailed();
    if (!doc.enabled) return doc;
    const now = deps.clock.now();
    const next: CaseDocument = {
      ...doc,
      enabled: false,
      version: doc.version + 1,
      last_updated_at: now.toISOString(),
      last_updated_by: principal.user.user_name,
    };
    try {
      return await deps.cases.replace(next, doc._etag as string);
    } catch (error) {
      const raced = error instanceof AppError && error.status === 412;
      if (!raced || ifMatch !== null || attempt >= RETRIES) throw error;
    }
  }
}
