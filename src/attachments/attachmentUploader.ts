import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { PassThrough, type Readable } from 'node:stream';
import type { Principal } from '../auth/principal';
import { canWriteKey } from '../records/fieldPermissions';
import { findRecordFor } from '../records/recordAccess';
import type { RecordDocument } from '../records/recordDocument';
import type { RecordRepository } from '../records/recordRepository';
import { writeRecord } from '../records/recordWriter';
import { AppError, conflict, payloadTooLarge, serviceUnavailable, unprocessable } from '../errors';
import { msg } from '../messages/catalogue';
import type { AttachmentDeps } from './attachmentDeps';
import {
  attachmentFields,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_RECORD,
  uploadBoxKinds,
  type AttachmentKind,
} from './attachmentTypes';
import { attachmentRef } from './attachmentStore';
import { encryptingStream } from './chunkCipher';
import { sanitizeFileName } from './fileNames';
import { attachmentsOf, findAttachment, withAttachment } from './recordAttachments';
import type { Attachment } from './schema';
import { sizeLimit, typeCheck } from './uploadPipeline';

export interface UploadInput {
  recordId: string;
  /** The upload box: a built-in one (`photos`...) or an upload box of the record's forms. */
  fieldName: string;
  /** The kind of file the client says it sends (Primero's `attachment_type`, or `type`). */
  declaredTypes?: Partial<Record<'attachment_type' | 'type', string>>;
  /** Where the request holds its fields, for error entries (`data.` in the JSON form). */
  at: string;
  fileName: string;
  contentType: string;
  description?: string;
  comments?: string;
  isCurrent?: boolean;
  /** A client's own id: the same upload retried does not make a second copy. */
  attachmentId?: string;
  declaredSize?: number;
  body: Readable;
}

/**
 * Stores an attachment of a record: size limit, type proof, encryption and upload stream through without
 * holding the file; the blob is pending until the record lists it (committed with the record's ETag), so a
 * failure at any step leaves no attachment without its record, nor a record pointing to a missing blob.
 */
export async function uploadAttachment(
  deps: AttachmentDeps,
  repo: RecordRepository,
  principal: Principal,
  input: UploadInput,
): Promise<Attachment> {
  const doc = await findRecordFor(repo, principal, input.recordId, 'write');
  const discard = () => input.body.resume();
  if (!doc.enabled) {
    discard();
    throw unprocessable([
      {
        detail: 'enabled',
        ...msg('record_disabled', { kind: repo.kind.label.toLowerCase() }),
      },
    ]);
  }
  const box = await uploadBox(deps, repo, doc, input).catch((error: unknown) => {
    discard();
    throw error;
  });
  const grants = await deps.records.fieldAccess.grantsFor(principal);
  if (!canWriteKey(grants, repo.kind, doc.module_id, input.fieldName)) {
    discard();
    throw new AppError(403, msg('may_not_edit', { field: input.fieldName }), input.fieldName);
  }
  const contentType = input.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!box.types.includes(contentType)) {
    discard();
    // Says what the box takes, not the type sent (a client's value is never repeated).
    throw new AppError(
      415,
      msg('type_not_accepted', { field: input.fieldName, types: box.types.join(', ') }),
      'content_type',
    );
  }
  const id = input.attachmentId ?? randomUUID();
  const existing = findAttachment(doc, id);
  if (existing) {
    discard();
    // A retry sends the same file; one of another size under the id is another file, which is not stored.
    if (input.declaredSize && input.declaredSize !== existing.size) throw idTaken();
    return existing;
  }
  if (attachmentsOf(doc).length >= MAX_ATTACHMENTS_PER_RECORD) {
    discard();
    throw unprocessable([
      {
        detail: input.fieldName,
        ...msg('too_many_attachments', { max: MAX_ATTACHMENTS_PER_RECORD }),
      },
    ]);
  }
  if ((input.declaredSize ?? 0) > MAX_ATTACHMENT_BYTES) {
    discard();
    throw payloadTooLarge(MAX_ATTACHMENT_BYTES);
  }

  const ref = attachmentRef(doc, id);
  const owner = { country_code: doc.country_code, record_type: doc.record_type, record_id: doc.id };
  // A client's id is claimed before the blob is written: parallel uploads under one id would otherwise
  // write the same blob at once (Azure: "block list is invalid"), and a second record listing the id
  // would take its downloads away from the first uploader.
  if (input.attachmentId !== undefined) await claimId(deps, repo, id, owner, discard);
  const release = () =>
    input.attachmentId === undefined ? Promise.resolve() : deps.records.ids.releaseAttachmentId(id);
  const key = await deps.dataKeys.encryptionKey(doc.country_code).catch(async (error: unknown) => {
    discard();
    await release();
    throw error;
  });
  let size = 0;
  const encrypted = new PassThrough();
  try {
    await Promise.all([
      pipeline(
        input.body,
        sizeLimit(MAX_ATTACHMENT_BYTES, (n) => (size = n)),
        typeCheck(contentType),
        encryptingStream(key, `${doc.country_code}|attachment|${id}`),
        encrypted,
      ),
      deps.store.uploadPending(ref, encrypted),
    ]);
    if (size === 0) throw emptyFile();
  } catch (error) {
    encrypted.destroy();
    await deps.store.delete(ref).catch(() => undefined);
    await release();
    throw error;
  }

  const attachment: Attachment = {
    id,
    unique_id: id,
    field_name: input.fieldName,
    file_name: sanitizeFileName(input.fileName),
    content_type: contentType,
    size,
    date: deps.records.clock.now().toISOString(),
    ...(input.description ? { description: input.description } : {}),
    ...(input.comments ? { comments: input.comments } : {}),
    is_current: input.isCurrent ?? true,
    attachment_url: `/api/v2/attachments/${id}`,
  };
  const saved = await commit(deps, repo, principal, doc.id, attachment).catch(async (error: unknown) => {
    await deps.store.delete(ref).catch(() => undefined); // never committed: no orphan left behind
    await release();
    throw error;
  });
  if (input.attachmentId !== undefined)
    await deps.records.ids.completeAttachmentId(id, owner).catch(() => undefined); // pending until stale
  // If this fails the blob stays pending; the cleanup job sees the record lists it and commits it.
  await deps.store.markCommitted(ref).catch(() => undefined);
  return findAttachment(saved, attachment.id) ?? attachment;
}

/**
 * What the upload box takes: a built-in one's files, or those of an upload box of the record's forms by its
 * type (photo, audio, document). Any other field is refused (422 naming it), as is a declared kind of file
 * the box does not hold.
 */
async function uploadBox(
  deps: AttachmentDeps,
  repo: RecordRepository,
  doc: RecordDocument,
  input: UploadInput,
): Promise<AttachmentKind> {
  const roles = await deps.records.roles.current(doc.country_code);
  const boxType = roles.uploadBoxes(repo.kind.type, doc.module_id).get(input.fieldName);
  // Own keys only: a field named `constructor` reached Object.prototype (a 500).
  const builtIn = Object.hasOwn(attachmentFields, input.fieldName)
    ? attachmentFields[input.fieldName]
    : undefined;
  const box = builtIn ?? (boxType === undefined ? undefined : uploadBoxKinds[boxType]);
  if (!box)
    throw unprocessable([
      {
        detail: `${input.at}field_name`,
        ...msg('not_upload_box', { field: input.fieldName }),
      },
    ]);
  const wrong = Object.entries(input.declaredTypes ?? {}).filter(
    ([, declared]) => declared !== undefined && declared !== box.attachment_type,
  );
  if (wrong.length > 0)
    throw unprocessable(
      wrong.map(([key]) => ({
        detail: `${input.at}${key}`,
        ...msg('box_holds', { field: input.fieldName, type: box.attachment_type }),
      })),
    );
  return box;
}

const idTaken = () => conflict(msg('attachment_id_taken'), 'id');

async function claimId(
  deps: AttachmentDeps,
  repo: RecordRepository,
  id: string,
  owner: { country_code: string; record_type: string; record_id: string },
  discard: () => void,
) {
  const claimed = await deps.records.ids.claimAttachmentId(id, owner);
  if (claimed.kind !== 'claimed') {
    discard();
    // Another try of this upload is still running: not stored yet, so not a 409 (an app would take "already
    // exists" for stored and drop its copy); the same request is to be sent again.
    if (claimed.kind === 'busy') throw serviceUnavailable(5, msg('attachment_upload_running'));
    throw idTaken();
  }
  // Attachments from before reservations: another record of the country may list the id already.
  const [listed] = await repo.query(
    owner.country_code,
    'SELECT TOP 1 c.id FROM c WHERE c.country_code = @country AND ARRAY_CONTAINS(c.attachment_ids, @id)',
    [
      { name: '@country', value: owner.country_code },
      { name: '@id', value: id },
    ],
  );
  if (listed) {
    await deps.records.ids.releaseAttachmentId(id);
    discard();
    throw idTaken();
  }
}

const emptyFile = () => unprocessable([{ detail: 'attachment', ...msg('empty_file') }]);

function commit(
  deps: AttachmentDeps,
  repo: RecordRepository,
  principal: Principal,
  recordId: string,
  attachment: Attachment,
) {
  const id = attachment.id;
  return writeRecord(deps.records, repo, principal, {
    id: recordId,
    action: 'write',
    ifMatch: null,
    change: (current) => {
      if (findAttachment(current, id)) return undefined; // a concurrent retry committed it first
      if (attachmentsOf(current).length >= MAX_ATTACHMENTS_PER_RECORD) {
        throw unprocessable([
          {
            detail: attachment.field_name,
            ...msg('too_many_attachments', { max: MAX_ATTACHMENTS_PER_RECORD }),
          },
        ]);
      }
      return withAttachment(current, attachment);
    },
  });
}
