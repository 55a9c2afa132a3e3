import type { Principal } from '../auth/principal';
import { localDate } from '../countries/countrySettingsRepository';
import type { CountrySettings } from '../countries/types';
import { unprocessable } from '../errors';
import { applyRecordChanges } from './recordChanges';
import type { RecordDocument } from './recordDocument';
import type { RecordKind } from './recordKind';
import { validateRecordInput } from './recordInput';
import { chooseModule } from './recordModule';

/** The checks every change to an existing record passes (PATCH, offline sync): enabled, valid, allowed module. */
export function validatedChanges(
  kind: RecordKind,
  doc: RecordDocument,
  data: Record<string, unknown>,
  settings: CountrySettings,
  principal: Principal,
) {
  if (!doc.enabled)
    throw unprocessable([
      {
        detail: 'enabled',
        message: `the ${kind.label.toLowerCase()} is disabled: it can be read, not changed`,
      },
    ]);
  const fields = validateRecordInput(kind, data, settings.form_fields[kind.type] ?? [], doc);
  if (fields.module_id !== undefined) fields.module_id = chooseModule(kind, principal, fields.module_id);
  return fields;
}

/** The record with changes merged and its derived fields (age, workflow, reminders...) recomputed. */
export function revisedRecord<T extends RecordDocument>(
  kind: RecordKind,
  doc: T,
  changes: Record<string, unknown>,
  settings: CountrySettings,
  principal: Principal,
  now: Date,
): T {
  const next = applyRecordChanges(kind, doc, changes, principal, now) as T;
  kind.derive(next, { previous: doc, principal, now, today: localDate(now, settings.time_zone), settings });
  return next;
}
