import type { Principal } from '../auth/principal';
import { findCaseFor } from '../cases/caseAccess';
import { writeCase } from '../cases/caseWriter';
import { notFound } from '../errors';
import type { AttachmentDeps } from './attachmentDeps';
import { caseAttachmentRef } from './attachmentStore';
import { findAttachment, withoutAttachment } from './recordAttachments';

/**
 * Removes an attachment: the blob is flagged pending first, so that if anything fails after the record
 * stops listing it, the cleanup job still deletes it — no orphan either way.
 */
export async function removeAttachment(
  deps: AttachmentDeps,
  principal: Principal,
  recordId: string,
  attachmentId: string,
) {
  const doc = await findCaseFor(deps.caseDeps.cases, principal, recordId, 'write');
  const attachment = findAttachment(doc, attachmentId);
  if (!attachment) throw notFound('Attachment not found');
  const ref = caseAttachmentRef(doc, attachmentId);
  await deps.store.markPending(ref).catch(() => undefined);
  await writeCase(deps.caseDeps, principal, {
    id: recordId,
    action: 'write',
    ifMatch: null,
    change: (current) =>
      findAttachment(current, attachmentId) ? withoutAttachment(current, attachment) : undefined,
  });
  await deps.store.delete(ref);
}
