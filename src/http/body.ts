import { z } from 'zod';
import { badRequest, payloadTooLarge } from '../errors';
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
    throw badRequest('Content-Type must be application/json', 'Content-Type');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  const raw = await request.body();
  if (raw.length > maxBytes) throw payloadTooLarge(maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('The body is not valid JSON', 'body');
  }
  return parseOr422(schema, value);
}

/** The envelope of record and admin writes: `{"data": {...}}` (the fields are checked by the caller). */
export const dataBodySchema = z.object({ data: z.record(z.string(), z.unknown()) }).strict();
