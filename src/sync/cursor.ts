import { msg } from '../messages/catalogue';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { badRequest } from '../errors';
import type { ScopeSpec } from './pullScope';

export interface CursorState {
  /** Cosmos commit time (_ts, seconds) and id of the last record sent. */
  ts: number;
  id: string;
  /** Still inside the first full download (disabled records are skipped, not sent as tombstones). */
  snapshot: boolean;
  country: string;
  user: string;
  /** The record type pulled (absent in cursors issued before incidents existed: cases). */
  type?: string;
  /** The caller's scope when the cursor was issued (absent in older cursors). */
  scope?: ScopeSpec;
  /** Earlier scopes still being retracted by a replay after a scope change. */
  previous?: ScopeSpec[];
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** Opaque to clients and tamper-proof: the state, then its HMAC under a key from the key store. */
export function encodeCursor(key: Buffer, state: CursorState): string {
  const body = b64(JSON.stringify(state));
  return `${body}.${b64(createHmac('sha256', key).update(body).digest())}`;
}

export function decodeCursor(
  key: Buffer,
  cursor: string,
  expected: { country: string; user: string; type: string },
): CursorState {
  const [body, mac] = cursor.split('.');
  const invalid = () => badRequest(msg('cursor_foreign'), 'cursor');
  if (!body || !mac) throw invalid();
  const good = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== good.length || !timingSafeEqual(given, good)) throw invalid();
  const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorState;
  const sameStream =
    state.country === expected.country &&
    state.user === expected.user &&
    (state.type ?? 'case') === expected.type;
  if (!sameStream) throw invalid();
  return state;
}
