import type { Principal } from '../auth/principal';
import { AppError, conflict, preconditionFailed } from '../errors';
import { ifMatchHolds } from '../http/etag';
import { fieldChanges } from '../history/recordHistory';
import { withFieldVersions } from '../sync/fieldVersions';
import { findRecordFor } from './recordAccess';
import type { RecordDeps } from './recordDeps';
import type { RecordDocument } from './recordDocument';
import type { RecordRepository } from './recordRepository';

/**
 * Each lost race means another writer committed, so n parallel writers need at most n - 1 retries; past
 * this many the record is too contended to promise anything and the client hears a 409 to send it again.
 */
const RETRIES = 40;
/** Random backoff, growing to this cap, so that racing writers stop colliding in lockstep. */
const BACKOFF_CAP_MS = 250;
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, 10 * 2 ** attempt)));

export interface RecordWrite<T extends RecordDocument> {
  id: string;
  /** The role permission the write needs (`write`, `enable_disable_record`). */
  action: string;
  ifMatch: string | null;
  /** The new version of the record, or undefined to leave it as it is. */
  change(doc: T, now: Date): T | undefined;
}

/**
 * Read, check access and `If-Match`, change, replace conditioned on the etag just read. With the client's
 * `If-Match`, a concurrent write is the client's 412. Without it, a lost race re-reads and re-applies the
 * change: the client asked to change these fields, whichever version they land on, and nothing is lost.
 */
export async function writeRecord<T extends RecordDocument>(
  deps: Pick<RecordDeps, 'history' | 'clock'>,
  repo: RecordRepository<T>,
  principal: Principal,
  write: RecordWrite<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const doc = await findRecordFor(repo, principal, write.id, write.action);
    if (!ifMatchHolds(write.ifMatch, doc._etag as string)) throw preconditionFailed();
    const now = deps.clock.now();
    const next = write.change(doc, now);
    if (!next) return doc;
    next.version = doc.version + 1;
    next.last_updated_at = now.toISOString();
    next.last_updated_by = principal.user.user_name;
    try {
      const versioned = withFieldVersions(doc, next, next.version, repo.kind.subforms);
      const saved = await repo.replace(versioned, doc._etag as string);
      // After the commit, so history lists only versions that exist. If this write fails the request fails
      // too (the change itself is kept; its history entry is what is missing).
      await deps.history.append({
        country_code: saved.country_code,
        record_type: saved.record_type,
        record_id: saved.id,
        version: saved.version,
        action: 'update',
        user_name: principal.user.user_name,
        at: saved.last_updated_at,
        changes: fieldChanges(doc, saved),
      });
      return saved;
    } catch (error) {
      const raced = error instanceof AppError && error.status === 412;
      if (!raced || write.ifMatch !== null) throw error;
      if (attempt >= RETRIES)
        throw conflict('The record is being changed by many others at this moment: send your change again');
      await backoff(attempt);
    }
  }
}
