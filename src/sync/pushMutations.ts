import { rejection } from './rejection';
import type { Principal } from '../auth/principal';
import type { RecordDeps } from '../records/recordDeps';
import type { RecordRepository } from '../records/recordRepository';
import { serviceUnavailable } from '../errors';
import { issuesToEntries } from '../http/validation';
import { applyMutation, duplicateResult } from './mutationApplier';
import type { Receipts } from './receipts';
import { mutationSchema, type MutationResult } from './schema';

/**
 * A batch of offline mutations, applied in order, each on its own: one rejected mutation does not stop the
 * others. A mutation id seen before is not applied again: its receipt is claimed before the mutation is
 * applied, so a parallel retry waits for the first outcome instead of applying it a second time. A crash
 * between applying and completing the receipt leaves a pending claim that a later retry takes over once it
 * is stale — that retry applies the mutation again, which changes nothing for an update already applied and
 * is recognised for a create.
 */
export async function pushMutations(
  deps: RecordDeps & { receipts: Receipts },
  repo: RecordRepository,
  principal: Principal,
  batch: unknown[],
): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const [index, raw] of batch.entries()) {
    const parsed = mutationSchema.safeParse(raw);
    if (!parsed.success) {
      const mutationId = (raw as { mutation_id?: unknown })?.mutation_id;
      const id = typeof mutationId === 'string' ? mutationId : `#${index}`;
      results.push(rejection(repo.kind, id, 422, issuesToEntries(parsed.error.issues)));
      continue;
    }
    const m = parsed.data;
    const me = principal.user.user_name;
    const claimed = await deps.receipts.claim(principal.countryCode, m.id, me, m.mutation_id);
    if (claimed.kind === 'done') {
      results.push(await duplicateResult(deps, repo, principal, m, { result: 'applied', ...claimed.doc }));
      continue;
    }
    // The earlier mutations of this batch have their receipts: a retry of the batch answers them as duplicates.
    if (claimed.kind === 'busy')
      throw serviceUnavailable(
        2,
        `Mutation ${m.mutation_id} is being applied by another request; retry shortly`,
      );
    let result: MutationResult;
    try {
      result = await applyMutation(deps, repo, principal, m);
    } catch (error) {
      await deps.receipts.release(principal.countryCode, m.id, me, m.mutation_id);
      throw error;
    }
    await deps.receipts.complete(principal.countryCode, m.id, me, result);
    results.push(result);
  }
  return results;
}
