import { z } from 'zod';
import type { ErrorEntry } from '../errors';
import { conditionFields } from './fieldSchema';
import { formSchema, type Form } from './formSchema';

export const formSetSchema = z.array(formSchema).max(300);

/**
 * What no single form can check: ids unique, every subform names a nested section of the same record
 * type, a record key defined once per record type and module, display conditions reading existing fields, lookups
 * that exist. One entry per problem, `detail` naming the form and field.
 */
export function formSetProblems(forms: Form[], lookupIds: ReadonlySet<string>): ErrorEntry[] {
  const problems: ErrorEntry[] = [];
  const byId = new Map<string, Form>();
  for (const form of forms) {
    if (byId.has(form.unique_id))
      problems.push({ detail: form.unique_id, message: 'form unique_id is used twice' });
    byId.set(form.unique_id, form);
  }
  const keyOwner = new Map<string, string>();
  for (const form of forms) {
    const names = new Set(form.fields.map((f) => f.name));
    for (const field of form.fields) {
      const at = `${form.unique_id}.${field.name}`;
      if (!form.is_nested && field.type !== 'separator') {
        // Modules may reuse a record key (both have `name`); within one module it is defined once.
        for (const module of form.module_ids) {
          const key = `${form.parent_form}:${module}:${field.name}`;
          const owner = keyOwner.get(key);
          if (owner && owner !== form.unique_id)
            problems.push({ detail: at, message: `is already defined by form ${owner}` });
          keyOwner.set(key, form.unique_id);
        }
      }
      if (field.subform_section_id !== null) {
        const nested = byId.get(field.subform_section_id);
        if (!nested || !nested.is_nested || nested.parent_form !== form.parent_form)
          problems.push({ detail: at, message: 'names no nested form of the same record type' });
      }
      const lookup = field.option_strings_source?.match(/^lookup (.+)$/)?.[1];
      if (lookup && !lookupIds.has(lookup))
        problems.push({ detail: at, message: `lookup ${lookup} does not exist` });
      if (field.display_conditions_record)
        for (const read of conditionFields(field.display_conditions_record))
          if (!names.has(read))
            problems.push({ detail: at, message: `display condition reads unknown field ${read}` });
    }
  }
  return problems;
}
