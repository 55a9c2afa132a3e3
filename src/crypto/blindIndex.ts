import { createHmac } from 'node:crypto';
import type { DataKey } from './dataKeys';

/** Lower case, accents and punctuation removed: "Amína O'Brien" → ["amina", "o", "brien"]. */
export function searchTokens(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0))];
}

/**
 * Keyed hashes of tokens: equal tokens give equal hashes within a country, and without the key nothing can
 * be learned or guessed from them. 16 bytes: collisions are negligible at any realistic size.
 */
export function blindIndex(key: DataKey, tokens: string[]): string[] {
  return tokens.map((t) => createHmac('sha256', key.key).update(t, 'utf8').digest('base64url').slice(0, 22));
}

/**
 * The keyed token of one value of a categorical field: equal values of a field give equal tokens within a
 * country, so equality filters and counts work on tokens; without the key nothing can be read from them.
 * Values compare as text (`true`, `3`), as they arrive in a query string.
 */
export function categoryToken(key: DataKey, field: string, value: unknown): string {
  return createHmac('sha256', key.key)
    .update(`category|${field}|${String(value)}`, 'utf8')
    .digest('base64url')
    .slice(0, 22);
}
