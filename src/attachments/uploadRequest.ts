import { readJson } from '../http/body';
import type { ApiRequest } from '../http/types';
import { singleQueryValues } from '../http/queryValues';
import { parseOr422 } from '../http/validation';
import { MAX_ATTACHMENT_BYTES } from './attachmentTypes';
import type { UploadInput } from './attachmentUploader';
import { decodeBase64Attachment } from './base64Body';
import { attachmentJsonSchema, attachmentQuerySchema } from './schema';

// base64 of the largest file, plus the JSON around it.
const MAX_JSON_BYTES = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

/**
 * The upload of either form of API.md: Primero's JSON with the file in base64, or the raw bytes as the body
 * (streamed, never held whole) with the file's type as Content-Type and the rest in the query.
 */
export async function uploadInputFrom(request: ApiRequest): Promise<UploadInput> {
  const recordId = request.params.id ?? '';
  const type = request.headers.get('content-type') ?? '';
  if (/^application\/json\b/i.test(type)) {
    const { data } = await readJson(request, attachmentJsonSchema, MAX_JSON_BYTES);
    return {
      recordId,
      fieldName: data.field_name,
      declaredTypes: { attachment_type: data.attachment_type, type: data.type },
      at: 'data.',
      fileName: data.file_name,
      contentType: data.content_type,
      description: data.description,
      comments: data.comments,
      isCurrent: data.is_current,
      attachmentId: data.id,
      body: decodeBase64Attachment(data.attachment),
    };
  }
  const query = parseOr422(
    attachmentQuerySchema,
    singleQueryValues(request.url.searchParams, Object.keys(attachmentQuerySchema.shape)),
  );
  return {
    recordId,
    fieldName: query.field_name,
    at: '',
    fileName: query.file_name,
    contentType: type,
    description: query.description,
    attachmentId: query.attachment_id,
    declaredSize: Number(request.headers.get('content-length') ?? 0),
    body: request.stream(),
  };
}
