import type { RecordDocument } from '../records/recordDocument';
import type { Attachment } from './schema';

/** An upload box's list: attachments that each name the box (what withAttachment writes). */
const attachmentList = (key: string, value: unknown): value is Attachment[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every(
    (a) =>
      typeof a === 'object' &&
      a !== null &&
      (a as Attachment).field_name === key &&
      typeof (a as Attachment).attachment_url === 'string',
  );

/**
 * Every attachment listed on a record, across its upload boxes: the built-in ones and any of its forms',
 * including a box since removed from the forms (its files are still the record's, and go with it).
 */
export function attachmentsOf(doc: RecordDocument): Attachment[] {
  return Object.entries(doc).flatMap(([key, value]) => (attachmentList(key, value) ? value : []));
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
