import { envelopeEntries, type ErrorEntry } from '../errors';
import { localized } from '../messages/catalogue';
import type { ApiResponse } from './types';

export const ok = (data: unknown, headers: Record<string, string> = {}): ApiResponse => ({
  status: 200,
  headers,
  json: { data },
});

/**
 * A page of a list. `unreadable`: ids of records left out for failing their integrity check, so that the
 * client can say so rather than lose them silently; not sent when there are none.
 */
export const list = (
  data: unknown[],
  { unreadable = [], ...metadata }: { total: number; per: number; page: number; unreadable?: string[] },
): ApiResponse => ({
  status: 200,
  json: { data, metadata: unreadable.length > 0 ? { ...metadata, unreadable } : metadata },
});

export const errorResponse = (
  status: number,
  resource: string,
  entries: ErrorEntry[],
  headers: Record<string, string> = {},
  locale = 'en',
): ApiResponse => ({
  status,
  // RFC 9110: a 401 names the scheme that would be accepted.
  headers: status === 401 ? { ...headers, 'WWW-Authenticate': 'Bearer' } : headers,
  json: {
    errors: envelopeEntries(
      status,
      resource,
      entries.map((e) => ({ ...e, message: localized(e, locale) })),
    ),
  },
});
