import { z } from 'zod';
import { rule } from '../messages/schemaMessages';
import { dateTimeString, shortText, uuid } from '../records/fieldTypes';
import { fieldName } from '../forms/fieldSchema';

const fileName = z.string().min(1, rule('required')).max(1000);
const contentType = z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, rule('mime_type'));

const attachmentType = z.enum(['image', 'audio', 'document']);

/**
 * Primero's JSON form, the file as base64. `id` (optional) makes a retried upload idempotent. The kind of
 * file is `attachment_type` (Primero's code) or `type` (Primero's documentation); the uploader checks it is
 * the one the upload box holds (photos: image, recorded_audio: audio, other_documents: document, and each
 * upload box of the forms by its type).
 */
export const attachmentJsonSchema = z
  .object({
    data: z
      .object({
        id: uuid.optional(),
        field_name: fieldName,
        attachment_type: attachmentType.optional(),
        type: attachmentType.optional(),
        file_name: fileName,
        content_type: contentType,
        description: shortText.optional(),
        comments: shortText.optional(),
        is_current: z.boolean().optional(),
        // Primero's client date: accepted, but the server stamps when the file was received.
        date: z.string().max(40).optional(),
        attachment: z.string().min(1, rule('required')),
      })
      .strict(),
  })
  .strict();

/** The raw form: the file is the body, its description in the query string. */
export const attachmentQuerySchema = z
  .object({
    field_name: fieldName,
    file_name: fileName,
    attachment_id: uuid.optional(),
    description: shortText.optional(),
  })
  .strict();

/** An attachment as listed on its record and returned by the upload. */
export const attachmentSchema = z.object({
  id: uuid,
  unique_id: uuid,
  field_name: z.string(),
  file_name: z.string(),
  content_type: z.string(),
  size: z.int(),
  date: dateTimeString,
  description: z.string().optional(),
  comments: z.string().optional(),
  /** Primero's: whether this is the current one of the field's files (a photo shown on the record). */
  is_current: z.boolean().optional(),
  attachment_url: z.string(),
});

export type Attachment = z.infer<typeof attachmentSchema>;
