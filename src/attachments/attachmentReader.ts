import { msg } from '../messages/catalogue';
import type { Readable } from 'node:stream';
import type { Principal } from '../auth/principal';
import { canReadKey } from '../records/fieldPermissions';
import { mayRead } from '../records/recordAccess';
import { notFound } from '../errors';
import type { AttachmentDeps } from './attachmentDeps';
import { attachmentRef } from './attachmentStore';
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
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) throw notFound(msg('attachment_not_found'));
  // The record that lists it, whole, from the query that finds it: a point read of it after the query was one
  // more round trip before the first byte (issue 18). The records container holds every record type.
  const [doc] = await deps.records.cases.query(
    principal.countryCode,
    'SELECT TOP 1 * FROM c WHERE c.country_code = @country AND ARRAY_CONTAINS(c.attachment_ids, @id)',
    [
      { name: '@country', value: principal.countryCode },
      { name: '@id', value: attachmentId },
    ],
  );
  const repo =
    doc && Object.hasOwn(deps.records.repos, doc.record_type)
      ? deps.records.repos[doc.record_type]
      : undefined;
  if (!doc || !repo || !mayRead(repo, principal, doc)) throw notFound(msg('attachment_not_found'));
  const attachment = findAttachment(doc, attachmentId);
  // A file of a form the role may not read is as absent as the field that lists it.
  const grants = await deps.records.fieldAccess.grantsFor(principal);
  if (!attachment || !canReadKey(grants, repo.kind, doc.module_id, attachment.field_name))
    throw notFound(msg('attachment_not_found'));

  const ref = attachmentRef(doc, attachmentId);
  // The entry is written while Blob Storage opens the file (one round trip less before the first byte), and
  // the answer waits for both: no download goes unrecorded. A file that fails to open leaves the entry of
  // the attempt.
  const [opened, audited] = await Promise.allSettled([
    deps.store.download(ref),
    deps.audit.append({
      action: 'attachment_download',
      user_name: principal.user.user_name,
      country_code: doc.country_code,
      record_type: doc.record_type,
      record_id: doc.id,
      details: { attachment_id: attachmentId },
      request_id: requestId,
    }),
  ]);
  if (audited.status === 'rejected') {
    if (opened.status === 'fulfilled') opened.value.destroy();
    throw audited.reason;
  }
  if (opened.status === 'rejected') throw opened.reason;
  const sealed = opened.value;
  const scope = `${doc.country_code}|attachment|${attachmentId}`;
  const body = sealed.pipe(
    decryptingStream((version) => deps.dataKeys.decryptionKey(doc.country_code, version), scope),
  );
  sealed.on('error', (error) => body.destroy(error));
  return { attachment, body };
}
