import { rejection } from './rejection';
import type { Principal } from '../auth/principal';
import type { RecordDeps } from '../records/recordDeps';
import type { RecordRepository } from '../records/recordRepository';
import { serviceUnavailable } from '../errors';
import { issuesToEntries } from '../http/validation';
import { applyMutation, duplicateResult } from './mutationApplier';
import type { Receipts } from './receipts';
import { mutationSchema, type Mutation, type MutationResult } from './schema';

/**
 * How many records of one batch are worked on at once. Their replaces are grouped into bulk requests
 * (RecordRepository.withGroupedReplaces), so a whole batch of edits is one write to the records container.
 */
const PARALLEL = 100;

/**
 * A batch of offline mutations, each on its own: one rejected mutation does not stop the others. The
 * records the batch updates are read in one query; mutations of different records run concurrently, those
 * of one record in the batch's order. A mutation id seen before is not applied again: its receipt is
 * claimed before the mutation is applied, so a parallel retry waits for the first outcome instead of
 * applying it a second time. A crash between applying and completing the receipt leaves a pending claim
 * that a later retry takes over once it is stale — that retry applies the mutation again, which changes
 * nothing for an update already applied and is recognised for a create.
 */
export async function pushMutations(
  deps: RecordDeps & { receipts: Receipts },
  repo: RecordRepository,
  principal: Principal,
  batch: unknown[],
): Promise<MutationResult[]> {
  const results: MutationResult[] = new Array(batch.length);
  const byRecord = new Map<string, { index: number; m: Mutation }[]>();
  for (const [index, raw] of batch.entries()) {
    const parsed = mutationSchema.safeParse(raw);
    if (!parsed.success) {
      const mutationId = (raw as { mutation_id?: unknown })?.mutation_id;
      const id = typeof mutationId === 'string' ? mutationId : `#${index}`;
      results[index] = rejection(repo.kind, id, 422, issuesToEntries(parsed.error.issues));
      continue;
    }
    const queue = byRecord.get(parsed.data.id) ?? [];
    queue.push({ index, m: parsed.data });
    byRecord.set(parsed.data.id, queue);
  }
  const me = principal.user.user_name;
  // A mutation sent twice in one batch is claimed once; the second answers as a duplicate of the first.
  const key = (m: Mutation) => `${m.id}|${m.mutation_id}`;
  const firsts = new Map<string, { index: number; m: Mutation }>();
  for (const entry of [...byRecord.values()].flat())
    if (!firsts.has(key(entry.m))) firsts.set(key(entry.m), entry);
  const toClaim = [...firsts.values()].map(({ m }) => m);
  const claims = await deps.receipts.claimAll(
    principal.countryCode,
    me,
    toClaim.map((m) => ({ recordId: m.id, mutationId: m.mutation_id })),
  );
  const claimOf = new Map([...firsts.values()].map(({ index }, i) => [index, claims[i]]));
  const outcomes = new Map<string, MutationResult>();
  const updated = [...byRecord].filter(([, ms]) => ms[0]?.m.op !== 'create').map(([id]) => id);
  const grouped = repo.withGroupedReplaces();
  const known = grouped.repo.withKnown(await repo.findMany(principal.countryCode, updated));
  // History entries are written together once every record is committed.
  const history = deps.history.deferred();
  const applyDeps = { ...deps, history };

  const queues = [...byRecord.values()];
  const failures: { index: number; error: unknown }[] = [];
  const applied: { index: number; m: Mutation; result: MutationResult }[] = [];
  const unapplied: Mutation[] = [];
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const [position, { index, m }] of queue.entries()) {
        const claimed = claimOf.get(index);
        try {
          const earlier = outcomes.get(key(m));
          if (!claimed && earlier) {
            results[index] = await duplicateResult(known, principal, m, earlier);
            continue;
          }
          if (claimed?.kind === 'done') {
            results[index] = await duplicateResult(known, principal, m, {
              result: 'applied',
              ...claimed.doc,
            });
            continue;
          }
          if (claimed?.kind !== 'claimed')
            throw serviceUnavailable(
              2,
              `Mutation ${m.mutation_id} is being applied by another request; retry shortly`,
            );
          const result = await applyMutation(applyDeps, known, principal, m);
          results[index] = result;
          outcomes.set(key(m), result);
          applied.push({ index, m, result });
        } catch (error) {
          // The rest of this record's mutations wait for the retry, which answers the earlier ones as duplicates.
          failures.push({ index, error });
          for (const rest of queue.slice(claimed?.kind === 'claimed' ? position : position + 1))
            if (claimOf.get(rest.index)?.kind === 'claimed') unapplied.push(rest.m);
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queues.length) }, () => grouped.worker(worker)));
  try {
    await history.flush();
  } catch (error) {
    unapplied.push(...applied.map(({ m }) => m));
    applied.length = 0;
    failures.push({ index: -1, error });
  }
  // Receipts of what was not applied are given up, so that the retry applies it.
  await Promise.all(
    unapplied.map((m) => deps.receipts.release(principal.countryCode, m.id, me, m.mutation_id)),
  );
  await deps.receipts.completeAll(
    principal.countryCode,
    me,
    applied.map(({ m, result }) => ({ recordId: m.id, result })),
  );
  const first = failures.sort((a, b) => a.index - b.index)[0];
  if (first) throw first.error;
  return results;
}
