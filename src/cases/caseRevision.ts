import type { Principal } from '../auth/principal';
import { localDate } from '../countries/countrySettingsRepository';
import type { CountrySettings } from '../countries/types';
import { unprocessable } from '../errors';
import { applyCaseChanges, deriveCaseFields } from './caseDerivedFields';
import type { CaseDocument } from './caseDocument';
import { validateCaseInput } from './caseInput';
import { chooseModule } from './caseModule';

/** The checks every change to an existing case passes (PATCH, offline sync): enabled, valid, allowed module. */
export function validatedChanges(
  doc: CaseDocument,
  data: Record<string, unknown>,
  settings: CountrySettings,
  principal: Principal,
) {
  if (!doc.enabled)
    throw unprocessable([
      { detail: 'enabled', message: 'the case is disabled: it can be read, not changed' },
    ]);
  const fields = validateCaseInput(data, settings.form_fields.case, doc);
  if (fields.module_id !== undefined) fields.module_id = chooseModule(principal, fields.module_id);
  return fields;
}

/** The case with changes merged and its derived fields (age, workflow, reminders) recomputed. */
export function revisedCase(
  doc: CaseDocument,
  changes: Record<string, unknown>,
  settings: CountrySettings,
  principal: Principal,
  now: Date,
): CaseDocument {
  const next = applyCaseChanges(doc, changes, principal, now) as CaseDocument;
  deriveCaseFields(next, localDate(now, settings.time_zone), {
    previous: doc,
    principal,
    now,
    timeZone: settings.time_zone,
    approvalDays: settings.approval_reminder_days,
  });
  return next;
}
