import { msg } from '../messages/catalogue';
import { z } from 'zod';
import { badRequest, payloadTooLarge, unprocessable } from '../errors';
import type { ApiRequest } from './types';
import { parseOr422 } from './validation';

/** Reads a JSON body within the size limit and validates it: 413, 400 or 422, never a 500. */
export async function readJson<S extends z.ZodType>(
  request: ApiRequest,
  schema: S,
  maxBytes: number,
): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw badRequest(msg('content_type_one_of', { allowed: 'application/json' }), 'Content-Type');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  const raw = await request.body();
  if (raw.length > maxBytes) throw payloadTooLarge(maxBytes);
  // Strictly: a lenient decode turned bytes that are not UTF-8 into U+FFFD and stored that in silence.
  const text = utf8(raw);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest(msg('body_not_json'), 'body');
  }
  requireEnvelope(schema, value);
  return parseOr422(schema, value);
}

/** Reads a text body (a CSV import) of one of the given media types within the size limit. */
export async function readText(request: ApiRequest, mediaTypes: string[], maxBytes: number): Promise<string> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!mediaTypes.includes(type))
    throw badRequest(msg('content_type_one_of', { allowed: mediaTypes.join(' | ') }), 'Content-Type');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  const raw = await request.body();
  if (raw.length > maxBytes) throw payloadTooLarge(maxBytes);
  return utf8(raw);
}

function utf8(raw: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw badRequest(msg('body_not_utf8'), 'body');
  }
}

/** A body sent without its `data` wrapper gets told so, not "expected record, received undefined". */
function requireEnvelope(schema: z.ZodType, value: unknown) {
  if (!(schema instanceof z.ZodObject) || !('data' in schema.shape)) return;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'data' in value) return;
  const shape = schema.shape.data instanceof z.ZodArray ? '[...]' : '{...}';
  throw unprocessable([{ detail: 'data', message: `the body must be {"data": ${shape}}` }]);
}

/** The envelope of record and admin writes: `{"data": {...}}` (the fields are checked by the caller). */
export const dataBodySchema = z.object({ data: z.record(z.string(), z.unknown()) }).strict();
