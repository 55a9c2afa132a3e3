import { z } from 'zod';
import { can, type Principal } from '../auth/principal';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import type { CustomField } from '../countries/types';
import { forbidden, notFound, unprocessable } from '../errors';
import { parseOr422 } from '../http/validation';
import type { RecordType } from '../records/recordKind';
import { recordKinds } from '../records/recordKinds';

export const formUpdateSchema = z
  .object({
    fields: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be 1-64 lowercase letters, digits, _'),
            type: z.enum(['string', 'text', 'number', 'boolean', 'date', 'string_list']),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();

const present = (type: RecordType, fields: CustomField[]) => ({ record_type: type, fields });

/**
 * PATCH /forms/{record_type}: replaces the country's custom fields of a record type. A name may not shadow
 * a built-in or server field. Removing a field keeps the values already stored (they can no longer be
 * written). Takes effect on every instance within a minute (settings are cached that long).
 */
export async function updateForm(
  settings: CountrySettingsRepository,
  principal: Principal,
  recordType: string,
  data: unknown,
) {
  if (!can(principal, 'metadata', 'manage')) throw forbidden('Your role does not allow changing forms');
  const kind = recordKinds[recordType as RecordType];
  if (!kind || !Object.hasOwn(recordKinds, recordType)) throw notFound('No such form');
  const { fields } = parseOr422(formUpdateSchema, data);
  const clashes = fields.filter(
    (f) => Object.hasOwn(kind.record.shape, f.name) || kind.serverOwned.has(f.name),
  );
  const names = fields.map((f) => f.name);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (clashes.length > 0 || repeated.length > 0)
    throw unprocessable([
      ...clashes.map((f) => ({ detail: 'fields', message: `${f.name} is a built-in field` })),
      ...[...new Set(repeated)].map((n) => ({ detail: 'fields', message: `${n} is declared twice` })),
    ]);
  const saved = await settings.update(principal.countryCode, (current) => ({
    ...current,
    form_fields: { ...current.form_fields, [kind.type]: fields },
  }));
  return present(kind.type, saved.form_fields[kind.type] ?? []);
}
