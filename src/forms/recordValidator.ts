import type { ErrorEntry } from '../errors';
import {
  compileField,
  type CheckContext,
  type FieldCheck,
  type Problem,
  type References,
} from './fieldChecks';
import type { Form } from './formSchema';
import { validationMessage } from './validationMessages';

/** The fields a record of one type and module may hold, as the published forms define them. */
export interface RecordValidator {
  /** The forms version it was compiled from. */
  version: number;
  has(field: string): boolean;
  /** The fields holding subform entries (merged entry by entry on `unique_id`). */
  subforms: ReadonlySet<string>;
  /** Checks `value` (not null: every field is clearable) and adds one problem per bad field to `out`. */
  check(field: string, value: unknown, ctx: CheckContext, out: Problem[]): void;
}

/** Every record type and module of one forms version, each compiled on first use. */
export class FormValidators {
  private readonly compiled = new Map<string, RecordValidator | undefined>();
  private readonly nested: ReadonlyMap<string, Form>;

  constructor(
    readonly version: number,
    readonly forms: readonly Form[],
    private readonly refs: References,
  ) {
    this.nested = new Map(forms.filter((f) => f.is_nested).map((f) => [f.unique_id, f]));
  }

  /** Undefined when no form is published for the type and module (the fixed schema then applies). */
  for(recordType: string, moduleId: string): RecordValidator | undefined {
    const key = `${recordType}:${moduleId}`;
    if (!this.compiled.has(key)) this.compiled.set(key, this.compile(recordType, moduleId));
    return this.compiled.get(key);
  }

  private compile(recordType: string, moduleId: string): RecordValidator | undefined {
    const sections = this.forms.filter(
      (f) => !f.is_nested && f.parent_form === recordType && (f.module_ids as string[]).includes(moduleId),
    );
    if (sections.length === 0) return undefined;
    const checks = new Map<string, FieldCheck>();
    const subforms = new Set<string>();
    for (const form of sections)
      for (const field of form.fields) {
        checks.set(field.name, compileField(field, this.nested, this.refs));
        if (field.type === 'subform') subforms.add(field.name);
      }
    return {
      version: this.version,
      has: (field) => checks.has(field),
      subforms,
      check: (field, value, ctx, out) => checks.get(field)?.(value, field, ctx, out),
    };
  }
}

/** The problems as the error envelope's entries, each message in the caller's locale. */
export const problemEntries = (problems: Problem[], locale: string): ErrorEntry[] =>
  problems.map((p) => ({ detail: p.path, message: validationMessage(p.key, p.args, locale) }));

/** The option sources a set of forms reads, so that only those are loaded. */
export function sourcesUsed(forms: readonly Form[]) {
  const used = { locations: false, agencies: false, users: false };
  for (const form of forms)
    for (const field of form.fields) {
      const source = field.option_strings_source;
      if (source === 'Location' || source === 'ReportingLocation') used.locations = true;
      if (source === 'Agency') used.agencies = true;
      if (source === 'User') used.users = true;
    }
  return used;
}
