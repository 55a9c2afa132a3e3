import type { z } from 'zod';
import { unprocessable, type ErrorEntry } from '../errors';
import { catalogueErrors, issueMessage } from '../messages/schemaMessages';
import { msg } from '../messages/catalogue';

/**
 * zod issues → one error entry per field, `detail` naming the field as Primero clients expect
 * (`date_of_birth`, `followup_subform_section[0].followup_date`). Messages name rules, never values.
 */
export function issuesToEntries(issues: z.core.$ZodIssue[], prefix: string[] = []): ErrorEntry[] {
  const entries: ErrorEntry[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        entries.push({
          detail: fieldPath([...prefix, ...issue.path.map(String), key]),
          ...msg('not_a_known_field'),
        });
      }
      continue;
    }
    const path = fieldPath([...prefix, ...issue.path.map(String)]);
    entries.push({ detail: path || 'body', ...issueMessage(issue.message) });
  }
  return entries;
}

function fieldPath(parts: string[]): string {
  return parts.reduce(
    (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
    '',
  );
}

export function parseOr422<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: string[] = [],
): z.output<S> {
  const result = schema.safeParse(value, { error: catalogueErrors });
  if (!result.success) throw unprocessable(issuesToEntries(result.error.issues, prefix));
  return result.data;
}
