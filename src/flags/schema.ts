import { z } from 'zod';
import { BULK_MAX, selectionShape } from '../records/bulkSelection';
import { dateString, uuid } from '../records/fieldTypes';
import { rule } from '../messages/schemaMessages';

const message = z
  .string()
  .trim()
  .min(1, rule('required'))
  .max(1000, rule('too_long', { max: 1000 }));

export const flagCreateSchema = z
  // Primero's documented request sends "date": "" for "today" (the country's).
  .object({ data: z.object({ date: dateString.or(z.literal('')).optional(), message }).strict() })
  .strict();
/**
 * PATCH of a flag, as Primero: `unflag_message` removes the flag; otherwise `message` and/or `date` edit it.
 */
export const flagUpdateSchema = z
  .object({
    data: z
      .object({
        unflag_message: message.optional(),
        message: message.optional(),
        date: dateString.optional(),
      })
      .strict()
      .superRefine((data, ctx) => {
        const edits = data.message !== undefined || data.date !== undefined;
        if (data.unflag_message !== undefined && edits)
          ctx.addIssue({
            code: 'custom',
            path: ['unflag_message'],
            message: rule('unflag_alone'),
          });
        else if (data.unflag_message === undefined && !edits)
          ctx.addIssue({
            code: 'custom',
            path: ['unflag_message'],
            message: rule('unflag_or_edit'),
          });
      }),
  })
  .strict();
export const bulkFlagSchema = z
  .object({
    data: z
      .object({
        ids: z
          .array(uuid)
          .min(1, 'needs at least one id')
          .max(BULK_MAX, `at most ${BULK_MAX} records at once`)
          .optional(),
        // Primero's documentation names the type singular, its code plural.
        record_type: z.enum(
          ['cases', 'incidents', 'tracing_requests', 'case', 'incident', 'tracing_request'],
          {
            error: 'must be cases, incidents or tracing_requests',
          },
        ),
        date: dateString.optional(),
        message,
        // Primero's code selects by filters (and query), as its bulk assign.
        ...selectionShape,
      })
      .strict()
      .refine((d) => (d.ids === undefined) !== (d.filters === undefined), {
        path: ['ids'],
        message: 'send either ids or filters',
      }),
  })
  .strict();

export interface Flag {
  id: string;
  unique_id: string;
  record_id: string;
  record_type: 'cases' | 'incidents' | 'tracing_requests';
  date: string;
  message: string;
  flagged_by: string;
  created_at: string;
  removed: boolean;
  unflag_message?: string;
  unflagged_by?: string;
  unflagged_date?: string;
}
