import type { ErrorEntry } from '../errors';
import {
  compileField,
  type CheckContext,
  type FieldCheck,
  type Problem,
  type References,
} from './fieldChecks';
import type { Form } from './formSchema';
import { msg } from '../messages/catalogue';

/** The fields a record of one type and module may hold, as the published forms define them. */
export interface RecordValidator {
  /** The forms version it was compiled from. */
  version: number;
  has(field: string): boolean;
  /** The fields holding subform entries (merged entry by entry on `unique_id`). */
  subforms: ReadonlySet<string>;
  /** Checks `value` (not null: every field is clearable) and adds one problem per bad field to `out`. */
  check(field: string, value: unknown, ctx: CheckContext, out: Problem[]): void;
  /** Top-level fields a record must hold from its creation on (`required`), in form order. */
  required: readonly string[];
  /** Top-level fields a record must hold before it is closed (`mandatory_for_completion`). */
  neededToClose: readonly string[];
}

/** Nothing in it: what `required` and `mandatory_for_completion` refuse (false and 0 are answers). */
export const isEmptyValue = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

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
    const required: string[] = [];
    const neededToClose: string[] = [];
    for (const form of sections)
      for (const field of form.fields) {
        checks.set(field.name, compileField(field, this.nested, this.refs));
        if (field.type === 'subform') subforms.add(field.name);
        // A field that holds no value (a separator, an upload box filled through attachments) cannot be asked for.
        if (!holdsValue(field.type)) continue;
        if (field.required) required.push(field.name);
        if (field.mandatory_for_completion) neededToClose.push(field.name);
      }
    return {
      version: this.version,
      has: (field) => checks.has(field),
      subforms,
      check: (field, value, ctx, out) => checks.get(field)?.(value, field, ctx, out),
      required,
      neededToClose,
    };
  }
}

const noValueTypes = new Set([
  'separator',
  'calculated',
  'photo_upload_box',
  'audio_upload_box',
  'document_upload_box',
  'signature',
]);
const holdsValue = (type: string) => !noValueTypes.has(type);

/** The problems as the error envelope's entries, each message in the caller's locale. */
/** In English: the answer is put in the caller's language as it leaves (src/http/responses.ts). */
export const problemEntries = (problems: Problem[]): ErrorEntry[] =>
  problems.map((p) => ({ detail: p.path, ...msg(p.key, p.args) }));

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
