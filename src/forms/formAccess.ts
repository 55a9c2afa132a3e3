import { can, type Principal } from '../auth/principal';
import type { Form } from './formSchema';

export type FormAccess = 'r' | 'rw';

/**
 * The principal's grant on one top-level form (Primero's `form_section_read_write`): what the role lists,
 * for a form of one of the role's modules; a form it does not list is invisible. Admins, who configure the
 * forms, edit them all. A nested form has no grant of its own: it goes with the form that holds it.
 */
export function formGrant(principal: Principal, form: Form): FormAccess | undefined {
  if (can(principal, 'metadata', 'manage')) return 'rw';
  if (form.is_nested) return undefined;
  const modules = principal.role.module_unique_ids as readonly string[];
  if (!form.module_ids.some((module) => modules.includes(module))) return undefined;
  const grants = principal.role.form_section_read_write ?? {};
  return Object.hasOwn(grants, form.unique_id) ? grants[form.unique_id] : undefined;
}

/** Which forms a role may read: the top-level forms it has a grant on, and the nested forms they hold. */
export function readableForms(principal: Principal, forms: readonly Form[]): Form[] {
  if (can(principal, 'metadata', 'manage')) return [...forms];
  const top = forms.filter((form) => formGrant(principal, form) !== undefined);
  const nested = new Set(top.flatMap((form) => form.fields.map((f) => f.subform_section_id)));
  return forms.filter((form) => top.includes(form) || (form.is_nested && nested.has(form.unique_id)));
}
