import { msg } from '../messages/catalogue';
import { badRequest } from '../errors';

/** Cosmos `_etag` → HTTP entity tag (always quoted). */
export const toHttpEtag = (etag: string) => `"${etag.replace(/^"|"$/g, '')}"`;

/**
 * Whether an `If-Match` header (possibly a list, possibly weak, possibly `*`) matches the stored etag.
 * No header means no precondition.
 */
export function ifMatchHolds(header: string | null, storedEtag: string): boolean {
  if (header === null) return true;
  const value = header.trim();
  if (value === '*') return true;
  if (value === '') throw badRequest(msg('if_match_empty'), 'If-Match');
  const stored = toHttpEtag(storedEtag);
  return value.split(',').some((tag) => tag.trim().replace(/^W\//, '') === stored);
}

/** The `ETag` header of a stored document, if it has one. */
export const withEtag = (doc: { _etag?: string }): Record<string, string> =>
  doc._etag ? { ETag: toHttpEtag(doc._etag) } : {};
