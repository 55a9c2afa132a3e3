import type { RecordDeps } from '../records/recordDeps';
import type { Clock } from '../clock';
import type { AttachmentStore } from './attachmentStore';
import { findAttachment } from './recordAttachments';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes blobs left pending for more than a day by an upload or removal that did not finish — unless the
 * record does list the attachment (the upload committed but did not clear the flag): then it is committed.
 * Safe to run twice; each run handles at most `limit` blobs.
 */
export async function cleanUpPendingAttachments(
  deps: { store: AttachmentStore; repos: RecordDeps['repos']; clock: Clock },
  limit = 1000,
): Promise<{ deleted: number; committed: number }> {
  const result = { deleted: 0, committed: 0 };
  const cutoff = new Date(deps.clock.now().getTime() - DAY_MS);
  for await (const ref of deps.store.pendingBefore(cutoff)) {
    if (result.deleted + result.committed >= limit) break;
    const repo = deps.repos[ref.record_type as keyof RecordDeps['repos']];
    const record = repo ? await repo.find(ref.country_code, ref.record_id) : undefined;
    if (record && findAttachment(record, ref.attachment_id)) {
      await deps.store.markCommitted(ref);
      result.committed += 1;
    } else {
      await deps.store.delete(ref);
      result.deleted += 1;
    }
  }
  return result;
}
