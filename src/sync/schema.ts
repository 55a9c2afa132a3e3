import type { EnvelopeEntry } from '../errors';
import type { Message } from '../messages/catalogue';
import { z } from 'zod';
import { uuid } from '../records/fieldTypes';

export const MAX_MUTATIONS = 100;

export const mutationSchema = z
  .object({
    mutation_id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1-100 letters, digits, _ or -'),
    op: z.enum(['create', 'update', 'disable']),
    id: uuid,
    base_version: z.int().min(0).optional(),
    changes: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type Mutation = z.infer<typeof mutationSchema>;

/** The batch envelope; each mutation is validated on its own so one bad mutation does not sink the rest. */
export const pushBodySchema = z
  .object({
    data: z
      .array(z.unknown())
      .min(1, 'needs at least one mutation')
      .max(MAX_MUTATIONS, `at most ${MAX_MUTATIONS} mutations per batch`),
  })
  .strict();

export interface MutationResult {
  mutation_id: string;
  result: 'applied' | 'duplicate' | 'conflict' | 'rejected';
  record?: Record<string, unknown>;
  conflicts?: { field: string; server_value: unknown; client_value: unknown }[];
  /** Fields of forms the role may not edit: kept on the record for review, not applied. */
  held?: ({ field: string; message: string } & Pick<Message, 'key' | 'args'>)[];
  errors?: RefusalEntry[];
}

/** An error of a refused mutation; its key and arguments are stored in the receipt, never answered. */
export type RefusalEntry = EnvelopeEntry & Pick<Message, 'key' | 'args'>;

export const resolveConflictsSchema = z
  .array(
    z
      .object({
        field: z.string().min(1),
        /** Keep the server's value, take the client's, or set another. */
        use: z.enum(['server', 'client', 'value']),
        value: z.unknown().optional(),
      })
      .strict(),
  )
  .min(1);
