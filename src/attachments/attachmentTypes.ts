/** What each upload box takes (API.md, "Attachments"). */
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

export interface AttachmentKind {
  attachment_type: 'image' | 'audio' | 'document';
  types: readonly string[];
}

/** The files an upload box of each field type takes. */
export const uploadBoxKinds: Readonly<Record<string, AttachmentKind>> = {
  photo_upload_box: { attachment_type: 'image', types: images },
  audio_upload_box: { attachment_type: 'audio', types: audio },
  document_upload_box: { attachment_type: 'document', types: documents },
};

/** The built-in upload boxes, taking files on every record whatever its forms say. */
export const attachmentFields: Readonly<Record<string, AttachmentKind>> = {
  photos: uploadBoxKinds.photo_upload_box!,
  recorded_audio: uploadBoxKinds.audio_upload_box!,
  other_documents: uploadBoxKinds.document_upload_box!,
};
