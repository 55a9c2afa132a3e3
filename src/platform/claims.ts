import type { Container, PartitionKey } from '@azure/cosmos';

const statusOf = (error: unknown) => (error as { code?: number }).code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A claim document: `pending` while its owner works, `done` once the outcome is recorded. */
export interface ClaimDocument {
  id: string;
  state?: 'pending' | 'done';
  claimed_at?: string;
}

export interface ClaimOptions {
  now: () => Date;
  /** A pending claim older than this was left by a crashed run: a retry may take it over. */
  staleMs: number;
  /** How long a concurrent duplicate waits for the first to finish before giving up. */
  waitMs: number;
}

export type ClaimResult<T> =
  | { kind: 'claimed'; etag: string }
  | { kind: 'done'; doc: T }
  /** Another run holds the claim and has not finished within `waitMs`. */
  | { kind: 'busy' };

/**
 * Claims an idempotency key before the work it guards, so that parallel retries of one operation run it
 * once: the claim is created only if absent (Cosmos refuses a second create of one id atomically). The
 * loser waits for the winner's outcome. Documents without `state` predate claims and count as done.
 */
export async function claim<T extends ClaimDocument>(
  container: Container,
  partitionKey: PartitionKey,
  doc: T,
  options: ClaimOptions,
): Promise<ClaimResult<T>> {
  const started = Date.now();
  const pending = () => ({ ...doc, state: 'pending' as const, claimed_at: options.now().toISOString() });
  for (;;) {
    try {
      const { resource } = await container.items.create(pending());
      return { kind: 'claimed', etag: resource?._etag as string };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const { resource: held, etag } = await container.item(doc.id, partitionKey).read<T>();
    if (!held) continue; // released meanwhile: claim it again
    if (held.state !== 'pending') return { kind: 'done', doc: held };
    const age = options.now().getTime() - Date.parse(held.claimed_at ?? '');
    if (!(age < options.staleMs)) {
      try {
        const { resource } = await container
          .item(doc.id, partitionKey)
          .replace(pending(), { accessCondition: { type: 'IfMatch', condition: etag } });
        return { kind: 'claimed', etag: resource?._etag as string };
      } catch (error) {
        if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
        continue; // someone else took it over, or it finished: look again
      }
    }
    if (Date.now() - started >= options.waitMs) return { kind: 'busy' };
    await sleep(50 + Math.random() * 50);
  }
}

/** Records the outcome on a claim this run holds. */
export async function completeClaim<T extends ClaimDocument>(
  container: Container,
  partitionKey: PartitionKey,
  doc: T,
): Promise<void> {
  await container.item(doc.id, partitionKey).replace({ ...doc, state: 'done' });
}

/** Gives a claim up after a failure, so that a retry can run the work; a lost release only delays it. */
export async function releaseClaim(container: Container, partitionKey: PartitionKey, id: string) {
  await container
    .item(id, partitionKey)
    .delete()
    .catch(() => undefined);
}
