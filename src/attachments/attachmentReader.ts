import type { Readable } from 'node:stream';
import type { Principal } from '../auth/principal';
import { findReadableCase } from '../cases/caseAccess';
import { notFound } from '../errors';
import type { AttachmentDeps } from './attachmentDeps';
import { caseAttachmentRef } from './attachmentStore';
import { decryptingStream } from './chunkCipher';
import { findAttachment } from './recordAttachments';
import type { Attachment } from './schema';

/**
 * An attachment's decrypted bytes, streamed, for whoever may read its record (404 for anyone else, as for
 * the record itself). Every download is audited.
 */
export async function openAttachment(
  deps: AttachmentDeps,
  principal: Principal,
  attachmentId: string,
  requestId: string,
): Promise<{ attachment: Attachment; body: Readable }> {
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) throw notFound('Attachment not found');
  const { cases } = deps.caseDeps;
  const [owner] = await cases.query(
    principal.countryCode,
    "SELECT TOP 1 c.id FROM c WHERE c.country_code = @country AND c.record_type = 'case' AND ARRAY_CONTAINS(c.attachment_ids, @id)",
    [
      { name: '@country', value: principal.countryCode },
      { name: '@id', value: attachmentId },
    ],
  );
  if (!owner) throw notFound('Attachment not found');
  const doc = await findReadableCase(cases, principal, owner.id).catch(() => {
    throw notFound('Attachment not found');
  });
  const attachment = findAttachment(doc, attachmentId);
  if (!attachment) throw notFound('Attachment not found');

  const ref = caseAttachmentRef(doc, attachmentId);
  const sealed = await deps.store.download(ref);
  await deps.audit.append({
    action: 'attachment_download',
    user_name: principal.user.user_name,
    country_code: doc.country_code,
    record_type: 'case',
    record_id: doc.id,
    details: { attachment_id: attachmentId },
    request_id: requestId,
  });
  const scope = `${doc.country_code}|attachment|${attachmentId}`;
  const body = sealed.pipe(
    decryptingStream((version) => deps.dataKeys.decryptionKey(doc.country_code, version), scope),
  );
  sealed.on('error', (error) => body.destroy(error));
  return { attachment, body };
}
