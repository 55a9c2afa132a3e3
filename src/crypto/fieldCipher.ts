import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import type { DataKey } from './dataKeys';

/**
 * A sealed field value as stored in Cosmos. An object, so it can never be confused with a value a client
 * sent (every sensitive field is a string, a date or a list in the schema).
 */
export interface SealedValue {
  $enc: 'aes-256-gcm';
  /** The data key version that sealed it. */
  k: string;
  iv: string;
  ct: string;
  /** Categorical fields only: the keyed token of each value (one for a scalar), for filters and counts. */
  tok?: string[];
}

export const isSealed = (value: unknown): value is SealedValue =>
  typeof value === 'object' && value !== null && (value as SealedValue).$enc === 'aes-256-gcm';

/** A sealed value that does not open: tampered with, moved to another record or field, or its key is gone. */
export class IntegrityError extends Error {
  constructor(readonly field: string) {
    super(`Field ${field} failed its integrity check`);
    this.name = 'IntegrityError';
  }
}

/**
 * IVs are random 96-bit values, drawn from the CSPRNG a pool at a time: one call per 64 seals instead of one
 * per seal (a record seals a dozen fields). Each IV is used once; the pool is refilled, never reused.
 */
const IV_BYTES = 12;
const ivPool = Buffer.alloc(IV_BYTES * 64);
let ivOffset = ivPool.length;

function nextIv(): Buffer {
  if (ivOffset === ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

/** AES-256-GCM of the JSON value; `aad` (country, record, field) is authenticated, not stored. */
export function seal(key: DataKey, aad: string, value: unknown): SealedValue {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([
    cipher.update(JSON.stringify(value), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return { $enc: 'aes-256-gcm', k: key.version, iv: iv.toString('base64'), ct: ct.toString('base64') };
}

export function open(key: DataKey | undefined, aad: string, sealed: SealedValue, field: string): unknown {
  if (!key) throw new IntegrityError(field);
  try {
    const data = Buffer.from(sealed.ct, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    throw new IntegrityError(field);
  }
}
