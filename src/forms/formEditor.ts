import { can, type Principal } from '../auth/principal';
import type { Directory } from '../admin/directory';
import { directoryKind } from '../admin/directoryKinds';
import { forbidden, notFound, unprocessable } from '../errors';
import { formSchema } from './formSchema';
import type { FormStore } from './formStore';

export interface FormEditDeps {
  forms: FormStore;
  directory: Directory;
}

// The identity of a form is not editable: a new one is created, and records keep their keys.
const editable = formSchema.omit({ unique_id: true, parent_form: true, is_nested: true }).partial().strict();

/**
 * PATCH /forms/{unique_id}: merges the properties sent over the current form and publishes the whole set
 * as a new version (validated as a whole first; nothing is written on a 422).
 */
export async function updateFormSection(deps: FormEditDeps, principal: Principal, id: string, data: unknown) {
  if (!can(principal, 'metadata', 'manage')) throw forbidden('Your role does not allow changing forms');
  const parsed = editable.safeParse(data);
  if (!parsed.success)
    throw unprocessable(
      parsed.error.issues.map((i) => ({ detail: i.path.join('.') || 'data', message: i.message })),
    );
  const changes = Object.fromEntries(
    Object.entries(data as Record<string, unknown>).filter(([key]) => key in parsed.data),
  );
  const lookups = await deps.directory.all(principal.countryCode, directoryKind('lookups'));
  const published = await deps.forms.publish(
    principal.countryCode,
    principal.user.user_name,
    (current) => {
      if (!current.some((f) => f.unique_id === id)) throw notFound('Form not found');
      return current.map((f) => (f.unique_id === id ? { ...f, ...changes } : f));
    },
    new Set(lookups.map((l) => l.id)),
  );
  const form = published.forms.find((f) => f.unique_id === id);
  return { form, version: published.version };
}
