import { AppError, conflict, notFound, unprocessable } from '../errors';
import { issuesToEntries } from '../http/validation';
import { lookupIdsOf, requireConfigAdmin, type ConfigAdminDeps } from './configAdmin';
import { formSchema, type Form } from './formSchema';
import type { Principal } from '../auth/principal';

export type FormEditDeps = ConfigAdminDeps;

// The identity of a form is not editable: a new one is created, and records keep their keys.
const editable = formSchema.omit({ unique_id: true, parent_form: true, is_nested: true }).partial().strict();

/**
 * PATCH /forms/{unique_id}: merges the properties sent over the current form and publishes the whole set
 * as a new version (validated as a whole first; nothing is written on a 422). A field taken out of a form
 * leaves the values records stored for it where they are.
 */
export async function updateFormSection(deps: FormEditDeps, principal: Principal, id: string, data: unknown) {
  requireConfigAdmin(principal);
  const parsed = editable.safeParse(data);
  if (!parsed.success) throw unprocessable(issuesToEntries(parsed.error.issues));
  const changes = Object.fromEntries(
    Object.entries(data as Record<string, unknown>).filter(([key]) => key in parsed.data),
  );
  const published = await deps.forms.publish(
    principal.countryCode,
    principal.user.user_name,
    (current) => {
      if (!current.some((f) => f.unique_id === id)) throw notFound('Form not found');
      return current.map((f) => (f.unique_id === id ? { ...f, ...changes } : f));
    },
    await lookupIdsOf(deps, principal.countryCode),
    `form ${id} updated`,
  );
  const form = published.forms.find((f) => f.unique_id === id);
  return { form, version: published.version };
}

/** POST /forms: a new form section (and, in the same request, nothing else), published as a new version. */
export async function createFormSection(deps: FormEditDeps, principal: Principal, data: unknown) {
  requireConfigAdmin(principal);
  const parsed = formSchema.safeParse(data);
  if (!parsed.success) throw unprocessable(issuesToEntries(parsed.error.issues));
  const id = parsed.data.unique_id;
  const published = await deps.forms.publish(
    principal.countryCode,
    principal.user.user_name,
    (current) => {
      if (current.some((f) => f.unique_id === id)) throw conflict(`Form ${id} already exists`, 'unique_id');
      return [...current, parsed.data];
    },
    await lookupIdsOf(deps, principal.countryCode),
    `form ${id} created`,
  );
  return { form: published.forms.find((f) => f.unique_id === id), version: published.version };
}

/** The nested sections only `form` holds: they go with it. */
const nestedOnlyIn = (form: Form, forms: Form[]) => {
  const heldElsewhere = new Set(
    forms.filter((f) => f !== form).flatMap((f) => f.fields.map((x) => x.subform_section_id)),
  );
  return new Set(
    form.fields
      .map((f) => f.subform_section_id)
      .filter((s): s is string => s !== null && !heldElsewhere.has(s)),
  );
};

/**
 * DELETE /forms/{unique_id}. A core form (the built-in behaviours read its fields) is refused; so is a
 * nested form a subform still names (the set is validated as a whole). Records keep every value they
 * stored for its fields.
 */
export async function deleteFormSection(deps: FormEditDeps, principal: Principal, id: string) {
  requireConfigAdmin(principal);
  let removed: string[] = [];
  const published = await deps.forms.publish(
    principal.countryCode,
    principal.user.user_name,
    (current) => {
      const form = current.find((f) => f.unique_id === id);
      if (!form) throw notFound('Form not found');
      if (form.core_form)
        throw new AppError(
          409,
          `Form ${id} is a core form: it cannot be deleted (hide it with visible: false instead)`,
          'core_form',
        );
      const nested = nestedOnlyIn(form, current);
      removed = [id, ...nested];
      return current.filter((f) => f !== form && !nested.has(f.unique_id));
    },
    await lookupIdsOf(deps, principal.countryCode),
    `form ${id} deleted`,
  );
  return { id, removed, version: published.version };
}
