import { z } from 'zod';
import { refusalOf, type AppError } from '../errors';
import type { Message } from '../messages/catalogue';
import { uuid } from '../records/fieldTypes';
import { BULK_MAX, selectionShape } from '../records/bulkSelection';
import { assignSchema, referralSchema, transferSchema, type TransitionResult } from './transitions';

/** Bulk transitions run one case after another within one request: bounded so the request stays short. */
export const BULK_TRANSITION_MAX = BULK_MAX;

const ids = z
  .array(uuid)
  .min(1, 'needs at least one id')
  .max(BULK_TRANSITION_MAX, `at most ${BULK_TRANSITION_MAX} cases at once`);
const bulkOf = <S extends z.ZodRawShape>(one: z.ZodObject<{ data: z.ZodObject<S> }>) =>
  z.object({ data: z.object({ ...one.shape.data.shape, ids }).strict() }).strict();

/**
 * Primero's bulk assign selects the cases by `filters` (the list filters, e.g. `{"short_id": [...]}`) and
 * `query`; `ids` is accepted too. One of `ids` or `filters`.
 */
export const bulkAssignSchema = z
  .object({
    data: z
      .object({
        ...assignSchema.shape.data.shape,
        ids: ids.optional(),
        ...selectionShape,
      })
      .strict()
      .refine((d) => (d.ids === undefined) !== (d.filters === undefined), {
        path: ['ids'],
        message: 'send either ids or filters',
      }),
  })
  .strict();
export const bulkReferralSchema = bulkOf(referralSchema);
export const bulkTransferSchema = bulkOf(transferSchema);

/** A case a bulk run could not transition, and why (the message's key kept: it is answered in the caller's language). */
export interface BulkFailure extends Message {
  id: string;
  status: number;
}

/** An AppError as a bulk run reports it for one case. */
export const failureOf = (id: string, error: AppError): BulkFailure => {
  const { key, args } = error.entries[0] ?? {};
  return {
    id,
    status: error.status,
    message: error.message,
    ...(key ? { key } : {}),
    ...(args ? { args } : {}),
  };
};

/**
 * Runs one transition per case, each on its own: a case the caller may not transition (404 outside the
 * scope, 403, 422 without consent, …) is reported and does not stop the others. A system fault stops the
 * run (the cases before it keep their transition, as a client retrying case by case would leave them).
 */
export async function bulkTransition(
  caseIds: string[],
  one: (id: string) => Promise<TransitionResult>,
): Promise<{ done: TransitionResult[]; failed: BulkFailure[] }> {
  const done: TransitionResult[] = [];
  const failed: BulkFailure[] = [];
  for (const id of new Set(caseIds)) {
    try {
      done.push(await one(id));
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      failed.push(failureOf(id, refusal));
    }
  }
  return { done, failed };
}
