import type { Principal } from '../auth/principal';
import { msg } from '../messages/catalogue';
import { localDate } from '../countries/countrySettingsRepository';
import type { CountrySettings } from '../countries/types';
import { unprocessable } from '../errors';
import { applyRecordChanges } from './recordChanges';
import type { RecordDocument } from './recordDocument';
import type { RecordKind } from './recordKind';
import type { RoleIndex } from '../forms/fieldRoles';
import type { FormValidators } from '../forms/recordValidator';
import { formInputCheck, subformKeys, validateRecordInput } from './recordInput';
import { chooseModule } from './recordModule';

/**
 * The checks every change to an existing record passes (PATCH, offline sync): enabled, valid against the
 * forms of its module (the new one if the change moves it), allowed module. Also says which fields are
 * subforms, for the merge.
 */
export function validatedChanges(
  kind: RecordKind,
  doc: RecordDocument,
  data: Record<string, unknown>,
  settings: CountrySettings,
  principal: Principal,
  validators: FormValidators,
  now: Date,
): { fields: Record<string, unknown>; subforms: ReadonlySet<string> } {
  if (!doc.enabled)
    throw unprocessable([
      {
        detail: 'enabled',
        ...msg('record_disabled', { kind: kind.label.toLowerCase() }),
      },
    ]);
  const moduleId =
    data.module_id === undefined || data.module_id === doc.module_id
      ? doc.module_id
      : chooseModule(kind, principal, data.module_id);
  const ctx = { now, today: localDate(now, settings.time_zone) };
  const forms = formInputCheck(validators, kind, String(moduleId), ctx);
  const fields = validateRecordInput(kind, data, settings.form_fields[kind.type] ?? [], doc, forms);
  if (fields.module_id !== undefined) fields.module_id = chooseModule(kind, principal, fields.module_id);
  return { fields, subforms: subformKeys(kind, forms) };
}

/** The record with changes merged and its derived fields (age, workflow, reminders...) recomputed. */
export function revisedRecord<T extends RecordDocument>(
  kind: RecordKind,
  doc: T,
  changes: Record<string, unknown>,
  settings: CountrySettings,
  principal: Principal,
  now: Date,
  roles: RoleIndex,
  subforms: ReadonlySet<string> = kind.subforms,
): T {
  const next = applyRecordChanges(kind, doc, changes, principal, now, subforms) as T;
  kind.derive(next, {
    previous: doc,
    principal,
    now,
    today: localDate(now, settings.time_zone),
    settings,
    roles: roles.of(kind.type, next.module_id),
  });
  return next;
}
