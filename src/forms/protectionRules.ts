import type { ErrorEntry } from '../errors';
import type { Form } from './formSchema';

/** The fields of a record type the server keeps in clear whatever the forms say (given by the records layer). */
export type PlainFields = (recordType: string) => ReadonlySet<string>;

/**
 * `plain` is the threat model's, not a form's: a form may call plain only a field the server keeps in clear
 * anyway (ids, scope, workflow, the dates and age lists filter by range). Anything else a form calls plain
 * would be a sensitive value in clear at rest: refused, one entry per field. (The other direction is not
 * refused: a built-in plain field stays plain even where a form says sealed, since the server queries it.)
 */
export function protectionProblems(forms: readonly Form[], plainFields: PlainFields): ErrorEntry[] {
  const problems: ErrorEntry[] = [];
  for (const form of forms) {
    const allowed = form.is_nested ? new Set(['unique_id']) : plainFields(form.parent_form);
    for (const field of form.fields)
      if (field.protection === 'plain' && field.type !== 'separator' && !allowed.has(field.name))
        problems.push({
          detail: `${form.unique_id}.${field.name}`,
          message: 'cannot be plain: only the fields the server itself queries are kept in clear',
        });
  }
  return problems;
}

/** Upload boxes and signatures are filled through the attachments endpoint, so their names are the server's. */
const filledByTheServer = new Set([
  'photo_upload_box',
  'audio_upload_box',
  'document_upload_box',
  'signature',
]);

/**
 * A field the server sets (ownership, scope, bookkeeping) may appear on a form only to be shown: a form
 * offering it for input would show a field no one can ever save.
 */
export function serverFieldProblems(forms: readonly Form[], serverOwned: PlainFields): ErrorEntry[] {
  const problems: ErrorEntry[] = [];
  for (const form of forms) {
    if (form.is_nested) continue;
    const owned = serverOwned(form.parent_form);
    for (const field of form.fields)
      if (
        owned.has(field.name) &&
        field.editable !== false &&
        field.disabled !== true &&
        !filledByTheServer.has(field.type)
      )
        problems.push({
          detail: `${form.unique_id}.${field.name}`,
          message: 'is set by the server: a form may show it (editable: false), not offer it for input',
        });
  }
  return problems;
}
