import type { Principal } from '../auth/principal';
import { msg } from '../messages/catalogue';
import { canReadKey, canWriteKey } from '../records/fieldPermissions';
import { findRecordFor } from '../records/recordAccess';
import type { RecordRepository } from '../records/recordRepository';
import { writeRecord } from '../records/recordWriter';
import { AppError, notFound } from '../errors';
import type { AttachmentDeps } from './attachmentDeps';
import { attachmentRef } from './attachmentStore';
import { findAttachment, withoutAttachment } from './recordAttachments';

/**
 * Removes an attachment: the blob is flagged pending first, so that if anything fails after the record
 * stops listing it, the cleanup job still deletes it — no orphan either way.
 */
export async function removeAttachment(
  deps: AttachmentDeps,
  repo: RecordRepository,
  principal: Principal,
  recordId: string,
  attachmentId: string,
) {
  const doc = await findRecordFor(repo, principal, recordId, 'write');
  const attachment = findAttachment(doc, attachmentId);
  const grants = await deps.records.fieldAccess.grantsFor(principal);
  if (!attachment || !canReadKey(grants, repo.kind, doc.module_id, attachment.field_name))
    throw notFound(msg('attachment_not_found'));
  if (!canWriteKey(grants, repo.kind, doc.module_id, attachment.field_name))
    throw new AppError(403, msg('may_not_edit', { field: attachment.field_name }), attachment.field_name);
  const ref = attachmentRef(doc, attachmentId);
  await deps.store.markPending(ref).catch(() => undefined);
  await writeRecord(deps.records, repo, principal, {
    id: recordId,
    action: 'write',
    ifMatch: null,
    change: (current) =>
      findAttachment(current, attachmentId) ? withoutAttachment(current, attachment) : undefined,
  });
  await deps.store.delete(ref);
}
