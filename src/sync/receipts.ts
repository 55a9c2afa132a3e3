import type { Container, JSONObject } from '@azure/cosmos';
import type { Clock } from '../clock';
import { claim, completeClaim, releaseClaim, type ClaimResult } from '../platform/claims';
import type { MutationResult } from './schema';

/** Long enough to cover a month offline, and a retry after that. */
const RETENTION_SECONDS = 40 * 24 * 60 * 60;

/** What a receipt keeps: the outcome, never field values (those stay sealed on the record). */
export interface Receipt {
  id: string;
  type: 'mutation_receipt';
  country_code: string;
  record_id: string;
  mutation_id: string;
  user_name: string;
  state?: 'pending' | 'done';
  claimed_at?: string;
  result?: MutationResult['result'];
  conflict_fields: string[];
  /** Fields kept on the record because the role could not write them (names only). */
  held_fields?: string[];
  errors?: MutationResult['errors'];
  created_at: string;
  ttl: number;
}

/**
 * Receipts of applied mutations in the `sync` container, one per user and mutation id, partitioned with the
 * record they touched. Cosmos TTL removes them in Azure; the emulator ignores TTL, so a timer sweeps them.
 */
export class Receipts {
  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
    /** The bound on one dependency call: applying one mutation takes a few of them. */
    private readonly dependencyTimeoutMs = 10_000,
  ) {}

  private static id(userName: string, mutationId: string) {
    return `receipt-${userName}-${mutationId}`;
  }

  /**
   * Claims the mutation before it is applied (create-if-absent under the receipt's id), so that parallel
   * retries apply it once: `done` carries the first run's outcome, `busy` means it is still being applied.
   */
  claim(
    countryCode: string,
    recordId: string,
    userName: string,
    mutationId: string,
  ): Promise<ClaimResult<Receipt>> {
    const receipt: Receipt = {
      ...this.base(countryCode, recordId, userName, mutationId),
      conflict_fields: [],
    };
    return claim(this.container, [countryCode, recordId], receipt, {
      now: () => this.clock.now(),
      // Longer than applying one mutation can take (its calls each end within the timeout): a pending
      // receipt this old was left by a crash or a fault, and a retry may take it over.
      staleMs: 6 * this.dependencyTimeoutMs,
      // A parallel retry waits this long for the first run's outcome, then asks the client to retry.
      waitMs: 2 * this.dependencyTimeoutMs,
    });
  }

  async complete(
    countryCode: string,
    recordId: string,
    userName: string,
    result: MutationResult,
  ): Promise<void> {
    const receipt: Receipt = {
      ...this.base(countryCode, recordId, userName, result.mutation_id),
      ...outcomeOf(result),
    };
    await completeClaim(this.container, [countryCode, recordId], receipt);
  }

  /**
   * claim() for every mutation of a batch: one bulk create of the pending receipts; a receipt already there
   * (a retry, a parallel duplicate) or not created for another reason goes through claim() on its own.
   */
  async claimAll(
    countryCode: string,
    userName: string,
    mutations: { recordId: string; mutationId: string }[],
  ): Promise<ClaimResult<Receipt>[]> {
    if (mutations.length === 0) return [];
    const claimedAt = this.clock.now().toISOString();
    const responses = await this.container.items.bulk(
      mutations.map(({ recordId, mutationId }) => ({
        operationType: 'Create' as const,
        partitionKey: [countryCode, recordId],
        resourceBody: {
          ...this.base(countryCode, recordId, userName, mutationId),
          conflict_fields: [],
          state: 'pending',
          claimed_at: claimedAt,
        } satisfies Receipt as unknown as JSONObject,
      })),
      { continueOnError: true },
    );
    return Promise.all(
      mutations.map(({ recordId, mutationId }, i) => {
        const response = responses[i];
        if (response?.statusCode === 201) return { kind: 'claimed' as const, etag: response.eTag ?? '' };
        return this.claim(countryCode, recordId, userName, mutationId);
      }),
    );
  }

  /** complete() for a batch: one bulk request; a receipt it did not store is completed on its own. */
  async completeAll(
    countryCode: string,
    userName: string,
    outcomes: { recordId: string; result: MutationResult }[],
  ): Promise<void> {
    if (outcomes.length === 0) return;
    const responses = await this.container.items.bulk(
      outcomes.map(({ recordId, result }) => ({
        operationType: 'Replace' as const,
        id: Receipts.id(userName, result.mutation_id),
        partitionKey: [countryCode, recordId],
        resourceBody: {
          ...this.base(countryCode, recordId, userName, result.mutation_id),
          state: 'done',
          ...outcomeOf(result),
        } satisfies Receipt as unknown as JSONObject,
      })),
      { continueOnError: true },
    );
    for (const [i, { recordId, result }] of outcomes.entries())
      if (!((responses[i]?.statusCode ?? 500) < 400))
        await this.complete(countryCode, recordId, userName, result);
  }

  /** After a system fault while applying: the retry must be able to apply it. */
  release(countryCode: string, recordId: string, userName: string, mutationId: string): Promise<void> {
    return releaseClaim(this.container, [countryCode, recordId], Receipts.id(userName, mutationId));
  }

  private base(countryCode: string, recordId: string, userName: string, mutationId: string) {
    return {
      id: Receipts.id(userName, mutationId),
      type: 'mutation_receipt' as const,
      country_code: countryCode,
      record_id: recordId,
      mutation_id: mutationId,
      user_name: userName,
      created_at: this.clock.now().toISOString(),
      ttl: RETENTION_SECONDS,
    };
  }

  /** Deletes receipts past their retention, for stores that do not honour TTL. Bounded per call. */
  async sweep(countryCode: string, limit = 1000): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - RETENTION_SECONDS * 1000).toISOString();
    const { resources } = await this.container.items
      .query<Receipt>({
        query:
          "SELECT TOP @limit * FROM c WHERE c.country_code = @country AND c.type = 'mutation_receipt' AND c.created_at < @cutoff",
        parameters: [
          { name: '@limit', value: limit },
          { name: '@country', value: countryCode },
          { name: '@cutoff', value: cutoff },
        ],
      })
      .fetchAll();
    for (const r of resources) await this.container.item(r.id, [r.country_code, r.record_id]).delete();
    return resources.length;
  }
}

/** What a receipt keeps of a mutation's outcome, so that a replay answers as the first run did. */
const outcomeOf = (result: MutationResult) => ({
  result: result.result,
  conflict_fields: (result.conflicts ?? []).map((c) => c.field),
  ...(result.held ? { held_fields: result.held.map((h) => h.field) } : {}),
  ...(result.errors ? { errors: result.errors } : {}),
});
