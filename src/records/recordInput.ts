import type { Principal } from '../auth/principal';
import { AppError, unprocessable, type ErrorEntry } from '../errors';
import { customFieldSchema } from '../countries/customFields';
import type { CustomField } from '../countries/types';
import type { CheckContext, Problem } from '../forms/fieldChecks';
import type { FormValidators, RecordValidator } from '../forms/recordValidator';
import { isEmptyValue, problemEntries } from '../forms/recordValidator';
import { catalogueErrors } from '../messages/schemaMessages';
import { msg } from '../messages/catalogue';
import { issuesToEntries } from '../http/validation';
import type { RecordKind } from './recordKind';
import { chooseModule } from './recordModule';

/** The published forms a write is checked against. */
export interface FormInputCheck {
  validator: RecordValidator;
  ctx: CheckContext;
  /** A new record: its `required` fields must all be there. */
  creating?: boolean;
}

/** The forms of the record's type and module, if the country published any for them. */
export function formInputCheck(
  validators: FormValidators,
  kind: RecordKind,
  moduleId: string,
  ctx: CheckContext,
): FormInputCheck | undefined {
  const validator = validators.for(kind.type, moduleId);
  return validator && { validator, ctx };
}

/** The fields whose entries merge one by one on `unique_id`: the kind's own and the forms' subforms. */
export function subformKeys(kind: RecordKind, forms: FormInputCheck | undefined): ReadonlySet<string> {
  return forms ? new Set([...kind.subforms, ...forms.validator.subforms]) : kind.subforms;
}

/** The 422 entries of `run`, or its result. */
function collect<T>(entries: ErrorEntry[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 422) throw error;
    entries.push(...error.entries);
    return undefined;
  }
}

/**
 * A new record's module (it decides which forms apply) and its fields, checked together so that one 422
 * names every problem.
 */
export function validateNewRecord(
  kind: RecordKind,
  principal: Principal,
  input: Record<string, unknown>,
  customFields: CustomField[],
  validators: FormValidators,
  ctx: CheckContext,
) {
  const entries: ErrorEntry[] = [];
  const moduleId = collect(entries, () => chooseModule(kind, principal, input.module_id));
  const check = moduleId && formInputCheck(validators, kind, moduleId, ctx);
  const forms = check && { ...check, creating: true };
  const moduleRefused = entries.length > 0;
  const fieldEntries: ErrorEntry[] = [];
  const fields = collect(fieldEntries, () => validateRecordInput(kind, input, customFields, {}, forms));
  entries.push(...fieldEntries.filter((e) => !(moduleRefused && e.detail === 'module_id')));
  if (entries.length > 0 || !moduleId || !fields) throw unprocessable(entries);
  return { moduleId, fields, subforms: subformKeys(kind, forms) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Validates a client's `data` object. With published forms for the record's type and module, every field is
 * checked against them (types, options, locations, dates, bounds, subform entries); without, against the
 * kind's fixed schema. Either way the country's custom fields are accepted by their type, and server-owned
 * fields are refused unless `allowUnchanged` holds the same value (a client sending back a record it read).
 * Collects every problem, one entry per field, before answering 422.
 */
export function validateRecordInput(
  kind: RecordKind,
  data: Record<string, unknown>,
  customFields: CustomField[],
  allowUnchanged: Record<string, unknown> = {},
  forms?: FormInputCheck,
): Record<string, unknown> {
  if (forms) return validateByForms(kind, data, customFields, allowUnchanged, forms);
  const entries: ErrorEntry[] = [];
  const known: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const builtIn = kind.fields.shape;
  const declared = new Map(customFields.map((f) => [f.name, f]));

  for (const [key, value] of Object.entries(data)) {
    if (kind.serverOwned.has(key)) {
      if (key in allowUnchanged && same(allowUnchanged[key], value)) continue;
      entries.push({ detail: key, ...msg('server_owned') });
    } else if (Object.hasOwn(builtIn, key)) {
      known[key] = value;
    } else if (declared.has(key)) {
      const result = customFieldSchema(declared.get(key) as CustomField).safeParse(value, {
        error: catalogueErrors,
      });
      if (result.success) custom[key] = result.data;
      else entries.push(...issuesToEntries(result.error.issues, [key]));
    } else {
      entries.push({ detail: key, ...msg('not_a_field') });
    }
  }
  const parsed = kind.fields.safeParse(known, { error: catalogueErrors });
  if (!parsed.success) entries.push(...issuesToEntries(parsed.error.issues));
  if (entries.length > 0) throw unprocessable(entries);
  return { ...(parsed.data as Record<string, unknown>), ...custom };
}

function validateByForms(
  kind: RecordKind,
  data: Record<string, unknown>,
  customFields: CustomField[],
  allowUnchanged: Record<string, unknown>,
  { validator, ctx, creating = false }: FormInputCheck,
): Record<string, unknown> {
  const problems: Problem[] = [];
  const entries: ErrorEntry[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (kind.serverOwned.has(key)) {
      if (!(key in allowUnchanged && same(allowUnchanged[key], value)))
        problems.push({ path: key, key: 'server_owned' });
    } else if (key in allowUnchanged && same(allowUnchanged[key], value)) {
      // Sent back as read: no change, even if the forms no longer define the field or that option.
      out[key] = value;
    } else if (key === 'module_id') {
      // The module decides which forms apply; the caller's role is checked by chooseModule.
      const result = kind.fields.shape.module_id?.safeParse(value, { error: catalogueErrors });
      if (result && !result.success) entries.push(...issuesToEntries(result.error.issues, [key]));
      else out[key] = value;
    } else if (validator.has(key)) {
      const before = problems.length;
      if (value !== null) validator.check(key, value, ctx, problems);
      if (problems.length === before) out[key] = value;
    } else {
      const declared = customFields.find((f) => f.name === key);
      const result = declared && customFieldSchema(declared).safeParse(value, { error: catalogueErrors });
      if (!result) problems.push({ path: key, key: 'not_a_field' });
      else if (result.success) out[key] = result.data;
      else entries.push(...issuesToEntries(result.error.issues, [key]));
    }
  }
  problems.push(...completenessProblems(validator, data, out, allowUnchanged, creating, problems));
  entries.push(...problemEntries(problems));
  if (entries.length > 0) throw unprocessable(entries);
  return out;
}

/**
 * `required` fields are there from the record's creation on and cannot be cleared; `mandatory_for_completion`
 * fields must hold a value when the record is closed (Primero's "needed to close"). A record stored before a
 * field became required is not refused for it until someone clears it or closes the record, so that no
 * unrelated edit (an offline sync above all) is lost to a configuration change.
 */
function completenessProblems(
  validator: RecordValidator,
  data: Record<string, unknown>,
  accepted: Record<string, unknown>,
  previous: Record<string, unknown>,
  creating: boolean,
  already: Problem[],
): Problem[] {
  const problems: Problem[] = [];
  const named = new Set(already.map((p) => p.path.split(/[.[]/, 1)[0]));
  for (const field of validator.required) {
    if (named.has(field)) continue;
    if (creating ? isEmptyValue(accepted[field]) : field in data && isEmptyValue(data[field]))
      problems.push({ path: field, key: 'required' });
  }
  const closing = data.status === 'closed' && (creating || previous.status !== 'closed');
  if (closing)
    for (const field of validator.neededToClose) {
      if (named.has(field) || problems.some((p) => p.path === field)) continue;
      const value = field in accepted ? merged(accepted[field], previous[field]) : previous[field];
      if (isEmptyValue(value)) problems.push({ path: field, key: 'needed_to_close' });
    }
  return problems;
}

/** A subform's entries after a change (entries merge by `unique_id`, `_destroy` removes one); a value otherwise. */
function merged(value: unknown, before: unknown): unknown {
  if (!Array.isArray(value) || !Array.isArray(before)) return value;
  const kept = new Map<unknown, unknown>(before.map((e) => [(e as { unique_id?: unknown }).unique_id, e]));
  for (const entry of value as { unique_id?: unknown; _destroy?: unknown }[])
    if (entry?._destroy === true) kept.delete(entry.unique_id);
    else kept.set(entry?.unique_id ?? Symbol('new'), entry);
  return [...kept.values()];
}
