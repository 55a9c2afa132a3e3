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
