import type { ErrorEntry } from '../errors';
import { fieldRoleNames, roleCatalogue, type FieldRole } from './fieldRoleCatalogue';
import type { FieldType } from './fieldTypeList';
import type { Form } from './formSchema';

export { fieldRoleNames, roleCatalogue, type FieldRole } from './fieldRoleCatalogue';

/** The fields playing each role in one record type and module (a nested role: the name inside the entries). */
export interface RecordRoles {
  fields: Readonly<Partial<Record<FieldRole, string>>>;
  /** The top-level form holding each role's field (alerts and tasks name it). */
  forms: Readonly<Partial<Record<FieldRole, string>>>;
}

/**
 * Today's names, which the default forms declare: they play the roles where no form is published (the fixed
 * schema applies), and in a version published before roles existed (its fields carry no `role` key at all).
 */
const legacyNames: Record<string, FieldRole> = {
  followup_subform_section: 'followup_subform',
  followup_needed_by_date: 'followup_due_date',
  followup_date: 'followup_done_date',
  followup_type: 'followup_type',
  services_section: 'services_subform',
  service_type: 'service_type',
  service_response_day_time: 'service_requested_at',
  service_response_timeframe: 'service_timeframe',
  service_appointment_date: 'service_appointment_date',
  service_implemented: 'service_implemented',
  service_implemented_day_time: 'service_implemented_on',
  assessment_due_date: 'assessment_due_date',
  assessment_requested_on: 'assessment_started_on',
  case_plan_due_date: 'case_plan_due_date',
  date_case_plan: 'case_plan_started_on',
  date_closure: 'closure_date',
};
export const legacyRoleOf = (name: string): FieldRole | undefined => legacyNames[name];

const legacyForms: Partial<Record<FieldRole, string>> = {
  followup_subform: 'followup',
  services_subform: 'services',
  assessment_due_date: 'assessment',
  assessment_started_on: 'assessment',
  case_plan_due_date: 'case_plan',
  case_plan_started_on: 'case_plan',
  closure_date: 'closure',
};
const parentRole = (role: FieldRole): FieldRole | undefined => (roleCatalogue[role] as { in?: FieldRole }).in;

export const defaultRecordRoles: RecordRoles = {
  fields: Object.fromEntries(Object.entries(legacyNames).map(([name, role]) => [role, name])),
  forms: Object.fromEntries(
    fieldRoleNames.map((role) => [role, legacyForms[parentRole(role) ?? role] ?? '']).filter(([, f]) => f),
  ),
};

/** A field's declared role; in a version from before roles (no key), the one its name plays. */
const roleOf = (field: Form['fields'][number]): FieldRole | null | undefined =>
  field.role === undefined ? legacyRoleOf(field.name) : field.role;

interface Claim {
  role: FieldRole;
  at: string;
  field: Form['fields'][number];
  /** The top-level form holding the field (or its subform). */
  form: string;
  /** For a field inside a subform's entries: the subform's own role (null when it plays none). */
  parent?: FieldRole | null;
}

/** Every role claim of one record type and module's forms, top-level and inside each subform's entries. */
function claimsOf(sections: readonly Form[], nested: ReadonlyMap<string, Form>): Claim[] {
  const claims: Claim[] = [];
  for (const form of sections)
    for (const field of form.fields) {
      const role = roleOf(field);
      if (role) claims.push({ role, at: `${form.unique_id}.${field.name}`, field, form: form.unique_id });
      const entries = field.subform_section_id ? nested.get(field.subform_section_id) : undefined;
      for (const sub of entries?.fields ?? []) {
        const subRole = roleOf(sub);
        if (subRole && entries)
          claims.push({
            role: subRole,
            at: `${entries.unique_id}.${sub.name}`,
            field: sub,
            form: form.unique_id,
            parent: role ?? null,
          });
      }
    }
  return claims;
}

const groups = (forms: readonly Form[]) => {
  const out = new Map<string, Form[]>();
  for (const form of forms.filter((f) => !f.is_nested))
    for (const module of form.module_ids) {
      const key = `${form.parent_form}|${module}`;
      out.set(key, [...(out.get(key) ?? []), form]);
    }
  return out;
};
const nestedOf = (forms: readonly Form[]) =>
  new Map(forms.filter((f) => f.is_nested).map((f) => [f.unique_id, f]));

/**
 * What publishing refuses about roles, one entry per field (`detail` = `form.field`): a role on a field of
 * the wrong type or record type, a nested role outside its subform's entries, two fields playing one role.
 */
export function roleProblems(forms: readonly Form[]): ErrorEntry[] {
  const problems = new Map<string, string>();
  const nested = nestedOf(forms);
  for (const [key, sections] of groups(forms)) {
    const recordType = key.split('|')[0]!;
    const played = new Map<FieldRole, string>();
    for (const claim of claimsOf(sections, nested)) {
      const spec: { types: readonly string[]; in?: string; records?: readonly string[] } =
        roleCatalogue[claim.role];
      const expectedParent = spec.in;
      if (!spec.types.includes(claim.field.type))
        problems.set(
          claim.at,
          `a ${claim.field.type} cannot play the role ${claim.role} (${spec.types.join(', ')})`,
        );
      else if (expectedParent !== undefined && claim.parent !== expectedParent)
        problems.set(
          claim.at,
          `the role ${claim.role} belongs on a field of the ${expectedParent}'s entries`,
        );
      else if (expectedParent === undefined && claim.parent !== undefined)
        problems.set(claim.at, `the role ${claim.role} belongs on a top-level field`);
      else if (spec.records && !spec.records.includes(recordType))
        problems.set(claim.at, `the role ${claim.role} is not for ${recordType} records`);
      else if (played.has(claim.role) && played.get(claim.role) !== claim.at)
        problems.set(claim.at, `the role ${claim.role} is already played by ${played.get(claim.role)}`);
      else played.set(claim.role, claim.at);
    }
  }
  return [...problems].map(([detail, message]) => ({ detail, message }));
}

/** The roles of each record type and module of one forms version (compiled once per version). */
export interface RoleIndex {
  version: number;
  of(recordType: string, moduleId: unknown): RecordRoles;
  /** The top-level photo, audio and document upload boxes of a record type and module, by name → type. */
  uploadBoxes(recordType: string, moduleId: unknown): ReadonlyMap<string, FieldType>;
}

const uploadBoxTypes = new Set<FieldType>(['photo_upload_box', 'audio_upload_box', 'document_upload_box']);

export function compileRoles(version: number, forms: readonly Form[]): RoleIndex {
  const nested = nestedOf(forms);
  const byKey = new Map<string, RecordRoles>();
  const boxes = new Map<string, Map<string, FieldType>>();
  for (const [key, sections] of groups(forms)) {
    const names = new Map<string, FieldType>();
    for (const form of sections)
      for (const field of form.fields) if (uploadBoxTypes.has(field.type)) names.set(field.name, field.type);
    boxes.set(key, names);
    const fields: Partial<Record<FieldRole, string>> = {};
    const held: Partial<Record<FieldRole, string>> = {};
    for (const claim of claimsOf(sections, nested)) {
      // Publishing refused conflicts and misplaced roles; an older version keeps its first well-placed claim.
      if (fields[claim.role] !== undefined || claim.parent !== parentRole(claim.role)) continue;
      fields[claim.role] = claim.field.name;
      held[claim.role] = claim.form;
    }
    byKey.set(key, { fields, forms: held });
  }
  return {
    version,
    of: (recordType, moduleId) => byKey.get(`${recordType}|${String(moduleId)}`) ?? defaultRecordRoles,
    uploadBoxes: (recordType, moduleId) => boxes.get(`${recordType}|${String(moduleId)}`) ?? new Map(),
  };
}
