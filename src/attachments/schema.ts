import { z } from 'zod';
import { dateTimeString, shortText, uuid } from '../records/fieldTypes';
import { attachmentFieldNames } from './attachmentTypes';

const fieldName = z.enum(attachmentFieldNames as [string, ...string[]], {
  error: `must be one of ${attachmentFieldNames.join(', ')}`,
});
const fileName = z.string().min(1, 'is required').max(1000);
const contentType = z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as image/jpeg');

/** Primero's JSON form, the file as base64. `id` (optional) makes a retried upload idempotent. */
export const attachmentJsonSchema = z
  .object({
    data: z
      .object({
        id: uuid.optional(),
        field_name: fieldName,
        attachment_type: z.enum(['image', 'audio', 'document']).optional(),
        file_name: fileName,
        content_type: contentType,
        description: shortText.optional(),
        attachment: z.string().min(1, 'is required'),
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
  attachment_url: z.string(),
});

export type Attachment = z.infer<typeof attachmentSchema>;
