import { z } from 'zod';
import { dateString, uuid } from '../records/fieldTypes';

const message = z.string().trim().min(1, 'is required').max(1000, 'must be at most 1000 characters');

export const flagCreateSchema = z
  .object({ data: z.object({ date: dateString.optional(), message }).strict() })
  .strict();
export const unflagSchema = z.object({ data: z.object({ unflag_message: message }).strict() }).strict();
export const bulkFlagSchema = z
  .object({
    data: z
      .object({
        ids: z.array(uuid).min(1, 'needs at least one id').max(100, 'at most 100 records at once'),
        record_type: z.enum(['cases', 'incidents', 'tracing_requests'], {
          error: 'must be cases, incidents or tracing_requests',
        }),
        date: dateString.optional(),
        message,
      })
      .strict(),
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
