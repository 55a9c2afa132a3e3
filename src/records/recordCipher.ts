import { createHmac } from 'node:crypto';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import { blindIndex, searchTokens } from '../crypto/blindIndex';
import type { DataKeys } from '../crypto/dataKeys';
import { isSealed, open, seal } from '../crypto/fieldCipher';
import { kindOf } from './recordKinds';

export type Doc = Record<string, unknown> & { id: string; country_code: string; record_type: string };
type Entry = Record<string, unknown>;
const isEntry = (v: unknown): v is Entry =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isSealed(v);

/**
 * Seals a record's sensitive fields on the way into Cosmos and opens them on the way out. Each value is
 * bound to its country, record type, record id and field (for subform entries, the entry's unique_id)
 * as associated data: a value copied elsewhere, or altered, does not open.
 */
/** What the repository needs from the cipher (benchmarks compare it with an identity implementation). */
export interface RecordSealer {
  seal<T extends Doc>(doc: T): Promise<T>;
  open<T extends Doc>(doc: T): Promise<T>;
  searchHashes(countryCode: string, text: string): Promise<string[]>;
  /** A keyed hash of a request (an offline create's fingerprint): comparable, but no guess can be checked. */
  fingerprint(countryCode: string, text: string): Promise<string>;
}

export class RecordCipher implements RecordSealer {
  constructor(
    private readonly keys: DataKeys,
    private readonly settings: CountrySettingsRepository,
  ) {}

  async seal<T extends Doc>(doc: T): Promise<T> {
    const cc = doc.country_code;
    const [key, indexKey, settings] = await Promise.all([
      this.keys.encryptionKey(cc),
      this.keys.indexKey(cc),
      this.settings.get(cc),
    ]);
    const out: Record<string, unknown> = { ...doc };
    const kind = kindOf(doc.record_type);
    const words = kind.searchableFields.map((f) => doc[f]).filter((v): v is string => typeof v === 'string');
    out.search_index = blindIndex(indexKey, searchTokens(words.join(' ')));
    for (const path of settings.sensitive_fields?.[kind.type] ?? kind.sensitiveFields) {
      const [field, sub] = path.split('.') as [string, string | undefined];
      const value = out[field];
      if (sub === undefined) {
        if (value !== undefined && value !== null && !isSealed(value))
          out[field] = seal(key, aad(doc, field), value);
      } else if (Array.isArray(value)) {
        out[field] = value.map((entry) => {
          if (!isEntry(entry) || entry[sub] === undefined || entry[sub] === null || isSealed(entry[sub]))
            return entry;
          return { ...entry, [sub]: seal(key, aad(doc, entryPath(field, entry, sub)), entry[sub]) };
        });
      }
    }
    out.key_version = key.version;
    return out as T;
  }

  /** Opens every sealed value, whatever today's list says, so that changing the list never strands data. */
  async open<T extends Doc>(doc: T): Promise<T> {
    const out: Record<string, unknown> = { ...doc };
    const unseal = async (value: unknown, field: string) => {
      if (!isSealed(value)) return value;
      const key = await this.keys.decryptionKey(doc.country_code, value.k);
      return open(key, aad(doc, field), value, field);
    };
    for (const [field, value] of Object.entries(doc)) {
      if (isSealed(value)) out[field] = await unseal(value, field);
      else if (Array.isArray(value) && value.some((e) => isEntry(e) && Object.values(e).some(isSealed))) {
        out[field] = await Promise.all(
          value.map(async (entry) => {
            if (!isEntry(entry)) return entry;
            const opened: Entry = { ...entry };
            for (const [sub, v] of Object.entries(entry))
              opened[sub] = await unseal(v, entryPath(field, entry, sub));
            return opened;
          }),
        );
      }
    }
    return out as T;
  }

  async fingerprint(countryCode: string, text: string): Promise<string> {
    const { key } = await this.keys.indexKey(countryCode);
    return createHmac('sha256', key).update(text, 'utf8').digest('hex');
  }

  /** The blind-index hashes of a free-text query (all must match). */
  async searchHashes(countryCode: string, text: string): Promise<string[]> {
    return blindIndex(await this.keys.indexKey(countryCode), searchTokens(text));
  }
}

const aad = (doc: Doc, field: string) => `${doc.country_code}|${doc.record_type}|${doc.id}|${field}`;
const entryPath = (subform: string, entry: Entry, field: string) =>
  `${subform}[${String(entry.unique_id)}].${field}`;
