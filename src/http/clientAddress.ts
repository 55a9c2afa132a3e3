import type { ApiRequest } from './types';

/**
 * The client's address as the platform's front end saw it: the last entry of X-Forwarded-For, which the
 * App Service front end appends (anything to its left came from the client and may be forged), port
 * stripped. The local host, which has no front end, passes the header through as sent.
 */
export function clientAddress(request: Pick<ApiRequest, 'headers'>): string {
  const last = (request.headers.get('x-forwarded-for') ?? '').split(',').at(-1)?.trim() ?? '';
  // "203.0.113.7:51234" and "[2001:db8::1]:443" carry a port; a bare IPv6 address has colons of its own.
  const address = last.startsWith('[')
    ? last.slice(1, last.indexOf(']'))
    : /^[\d.]+:\d+$/.test(last)
      ? last.slice(0, last.lastIndexOf(':'))
      : last;
  return address.slice(0, 64) || 'unknown';
}
