import { rejection } from './rejection';
import type { Principal } from '../auth/principal';
import type { RecordDeps } from '../records/recordDeps';
import type { RecordRepository } from '../records/recordRepository';
import { issuesToEntries } from '../http/validation';
import { applyMutation, duplicateResult } from './mutationApplier';
import type { Receipts } from './receipts';
import { mutationSchema, type MutationResult } from './schema';

/**
 * A batch of offline mutations, applied in order, each on its own: one rejected mutation does not stop the
 * others. A mutation id seen before is not applied again. The receipt is written after the mutation, so a
 * crash in between means the retry applies it once more — harmless, since applying the same change to a
 * record that already has it changes nothing and a repeated create is recognised.
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
    const receipt = await deps.receipts.find(principal.countryCode, m.id, me, m.mutation_id);
    if (receipt) {
      results.push(await duplicateResult(repo, principal, m, receipt));
      continue;
    }
    const result = await applyMutation(deps, repo, principal, m);
    await deps.receipts.save(principal.countryCode, m.id, me, result);
    results.push(result);
  }
  return results;
}
