import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyStore } from '../keys/keyStore';

/** The secret's name in the local key store (`.data/keys.json` under `npm start`). */
export const MASTER_KEY_SECRET = 'functions-master-key';

/**
 * The local host's master key, as Azure gives every Function App one: read from the local key store, made
 * there on first use. Admin-level functions (country_setup) run only for a caller presenting it.
 */
export async function localMasterKey(keyStore: KeyStore): Promise<string> {
  const existing = await keyStore.getSecret(MASTER_KEY_SECRET);
  if (existing) return existing.value;
  return (await keyStore.setSecret(MASTER_KEY_SECRET, randomBytes(32).toString('base64url'))).value;
}

/** Whether a request carries the key as Azure accepts it: `x-functions-key` header or `code` query. */
export function presentsKey(
  key: string | undefined,
  header: string | undefined,
  query: string | null,
): boolean {
  if (!key) return false;
  const given = header ?? query;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}
