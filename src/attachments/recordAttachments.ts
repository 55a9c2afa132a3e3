import type { CaseDocument } from '../cases/caseDocument';
import { attachmentFieldNames } from './attachmentTypes';
import type { Attachment } from './schema';

/** Every attachment listed on a record, across its attachment fields. */
export function attachmentsOf(doc: CaseDocument): Attachment[] {
  return attachmentFieldNames.flatMap((field) =>
    Array.isArray(doc[field]) ? (doc[field] as Attachment[]) : [],
  );
}

export const findAttachment = (doc: CaseDocument, id: string) => attachmentsOf(doc).find((a) => a.id === id);

/** The record with an attachment added (or removed), keeping the flat id list used to find it by id. */
export function withAttachment(doc: CaseDocument, attachment: Attachment): CaseDocument {
  const list = Array.isArray(doc[attachment.field_name]) ? (doc[attachment.field_name] as Attachment[]) : [];
  const next = { ...doc, [attachment.field_name]: [...list, attachment] } as CaseDocument;
  next.attachment_ids = attachmentsOf(next).map((a) => a.id);
  return next;
}

export function withoutAttachment(doc: CaseDocument, attachment: Attachment): CaseDocument {
  const list = (doc[attachment.field_name] as Attachment[]).filter((a) => a.id !== attachment.id);
  const next = { ...doc, [attachment.field_name]: list } as CaseDocument;
  next.attachment_ids = attachmentsOf(next).map((a) => a.id);
  return next;
}
