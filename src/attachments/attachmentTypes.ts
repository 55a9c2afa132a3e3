/** The attachment fields of a case and the file types each accepts (API.md, "Attachments"). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_RECORD = 100;

const images = ['image/jpeg', 'image/png'];
const audio = ['audio/mpeg', 'audio/mp4'];
const documents = [
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ...images,
];

export const attachmentFields = {
  photos: { attachment_type: 'image', types: images },
  recorded_audio: { attachment_type: 'audio', types: audio },
  other_documents: { attachment_type: 'document', types: documents },
} as const;

export type AttachmentField = keyof typeof attachmentFields;
export const attachmentFieldNames = Object.keys(attachmentFields) as AttachmentField[];
