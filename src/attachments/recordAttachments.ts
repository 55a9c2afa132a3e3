import type { RecordDocument } from '../records/recordDocument';
import { attachmentFieldNames } from './attachmentTypes';
import type { Attachment } from './schema';

/** Every attachment listed on a record, across its attachment fields. */
export function attachmentsOf(doc: RecordDocument): Attachment[] {
  return attachmentFieldNames.flatMap((field) =>
    Array.isArray(doc[field]) ? (doc[field] as Attachment[]) : [],
  );
}

export const findAttachment = (doc: RecordDocument, id: string) =>
  attachmentsOf(doc).find((a) => a.id === id);

/** The record with an attachment added (or removed), keeping the flat id list used to find it by id. */
export function withAttachment<T extends RecordDocument>(doc: T, attachment: Attachment): T {
  const list = Array.isArray(doc[attachment.field_name]) ? (doc[attachment.field_name] as Attachment[]) : [];
  const next = { ...doc, [attachment.field_name]: [...list, attachment] } as T;
  (next as RecordDocument).attachment_ids = attachmentsOf(next).map((a) => a.id);
  return next;
}

export function withoutAttachment<T extends RecordDocument>(doc: T, attachment: Attachment): T {
  const list = (doc[attachment.field_name] as Attachment[]).filter((a) => a.id !== attachment.id);
  const next = { ...doc, [attachment.field_name]: list } as T;
  (next as RecordDocument).attachment_ids = attachmentsOf(next).map((a) => a.id);
  return next;
}
