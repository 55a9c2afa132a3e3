import { can, type Principal } from '../auth/principal';
import type { Form } from './formSchema';

export type FormAccess = 'r' | 'rw';

/**
 * Which forms a role may read (Primero's `form_section_read_write`): a form of one of the role's modules
 * that the role lists; a form it does not list is invisible. A nested form (a subform's section) goes
 * with the form that holds it. Admins, who configure the forms, read them all.
 */
export function readableForms(principal: Principal, forms: readonly Form[]): Form[] {
  if (can(principal, 'metadata', 'manage')) return [...forms];
  const grants = principal.role.form_section_read_write ?? {};
  const modules = new Set<string>(principal.role.module_unique_ids);
  const top = forms.filter(
    (form) =>
      !form.is_nested &&
      Object.hasOwn(grants, form.unique_id) &&
      form.module_ids.some((module) => modules.has(module)),
  );
  const nested = new Set(top.flatMap((form) => form.fields.map((f) => f.subform_section_id)));
  return forms.filter((form) => top.includes(form) || (form.is_nested && nested.has(form.unique_id)));
}
