import { can, type Principal } from '../auth/principal';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import { formGrant, type FormAccess } from './formAccess';
import type { Form } from './formSchema';
import type { FormStore, FormsVersion } from './formStore';

/**
 * What a principal may do with one top-level record key: `rw` or `r` from the grant on the form that
 * defines it, `none` when the role has no grant on that form, `unlisted` when no form of the record's type
 * and module defines the key (bookkeeping the server owns, or a value whose field was since removed).
 */
export type KeyAccess = FormAccess | 'none' | 'unlisted';

/** Record key → the top-level form defining it, per `record type|module`, for one forms version. */
interface CompiledForms {
  version: number;
  forms: ReadonlyMap<string, Form>;
  keys: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

function compile(current: FormsVersion): CompiledForms {
  const keys = new Map<string, Map<string, string>>();
  for (const form of current.forms) {
    if (form.is_nested) continue; // a subform's fields live inside its parent's key
    for (const module of form.module_ids) {
      const at = `${form.parent_form}|${module}`;
      const map = keys.get(at) ?? new Map<string, string>();
      for (const field of form.fields) if (field.type !== 'separator') map.set(field.name, form.unique_id);
      keys.set(at, map);
    }
  }
  return { version: current.version, forms: new Map(current.forms.map((f) => [f.unique_id, f])), keys };
}

/** One principal's view of the record keys under the country's current forms. */
export class FieldGrants {
  private readonly levels = new Map<string, FormAccess | undefined>();
  /** Admins (`metadata manage`) read and write every key, fields since removed from the forms included. */
  readonly all: boolean;

  constructor(
    private readonly compiled: CompiledForms,
    private readonly principal: Principal,
    /** `record type|name` of the country's older custom fields (settings.form_fields), in no form. */
    private readonly legacy: ReadonlySet<string> = new Set(),
  ) {
    this.all = can(principal, 'metadata', 'manage');
  }

  /** The forms version these grants were computed from (what a record written now is written with). */
  get formsVersion(): number {
    return this.compiled.version;
  }

  /**
   * A record type and module without any configured form is not governed by form permissions (yet): its
   * keys are as readable and writable as the role's record permissions make them. So are the older
   * custom fields of the country's settings, which no form defines until they move into one.
   */
  access(recordType: string, moduleId: unknown, key: string): KeyAccess {
    if (this.all) return 'rw';
    const keys = this.compiled.keys.get(`${recordType}|${String(moduleId)}`);
    if (!keys) return 'rw';
    const formId = keys.get(key);
    if (formId === undefined) return this.legacy.has(`${recordType}|${key}`) ? 'rw' : 'unlisted';
    return this.level(formId) ?? 'none';
  }

  /** A key the principal may write: not one of a form it may only read or may not see. */
  writable(recordType: string, moduleId: unknown, key: string): boolean {
    const access = this.access(recordType, moduleId, key);
    return access !== 'r' && access !== 'none';
  }

  /** False for a form of the current version the role may not read; true for anything else. */
  formReadable(formId: string): boolean {
    if (this.all || !this.compiled.forms.has(formId)) return true;
    const form = this.compiled.forms.get(formId) as Form;
    if (form.is_nested)
      return [...this.compiled.forms.values()].some(
        (parent) =>
          parent.fields.some((f) => f.subform_section_id === formId) && this.level(parent.unique_id),
      );
    return this.level(formId) !== undefined;
  }

  /** The forms of the current version the role may not read (for queries that must skip what they hold). */
  hiddenForms(): string[] {
    if (this.all) return [];
    return [...this.compiled.forms.keys()].filter((id) => !this.formReadable(id));
  }

  private level(formId: string): FormAccess | undefined {
    if (!this.levels.has(formId)) {
      const form = this.compiled.forms.get(formId);
      this.levels.set(formId, form && formGrant(this.principal, form));
    }
    return this.levels.get(formId);
  }
}

/**
 * Field permissions from the forms: the key → form map is compiled once per forms version per instance
 * (not per request); each request gets the grants of its principal over it.
 */
export class FieldAccess {
  private readonly compiled = new Map<string, CompiledForms>();
  /** The settings' legacy field keys, per settings object (the repository hands out its cached one). */
  private readonly legacyKeys = new WeakMap<object, Set<string>>();

  constructor(
    private readonly forms: Pick<FormStore, 'current'>,
    private readonly settings: Pick<CountrySettingsRepository, 'get'>,
  ) {}

  async grantsFor(principal: Principal): Promise<FieldGrants> {
    const [current, settings] = await Promise.all([
      this.forms.current(principal.countryCode),
      this.settings.get(principal.countryCode),
    ]);
    let legacy = this.legacyKeys.get(settings);
    if (!legacy) {
      legacy = new Set(
        Object.entries(settings.form_fields).flatMap(([type, fields]) =>
          (fields ?? []).map((f) => `${type}|${f.name}`),
        ),
      );
      this.legacyKeys.set(settings, legacy);
    }
    let compiled = this.compiled.get(principal.countryCode);
    if (compiled?.version !== current.version) {
      compiled = compile(current);
      this.compiled.set(principal.countryCode, compiled);
    }
    return new FieldGrants(compiled, principal, legacy);
  }
}
