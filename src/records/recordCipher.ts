import { createHmac } from 'node:crypto';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import { blindIndex, categoryToken, searchTokens } from '../crypto/blindIndex';
import type { DataKeys } from '../crypto/dataKeys';
import { isSealed, open, seal } from '../crypto/fieldCipher';
import { PROTECTION_VERSION, type ProtectionClass, protectionOf, searchableFields } from './protection';
import { kindOf } from './recordKinds';

export type Doc = Record<string, unknown> & { id: string; country_code: string; record_type: string };
type Entry = Record<string, unknown>;
const isEntry = (v: unknown): v is Entry =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isSealed(v);

/** What the repository needs from the cipher (benchmarks compare it with an identity implementation). */
export interface RecordSealer {
  seal<T extends Doc>(doc: T): Promise<T>;
  open<T extends Doc>(doc: T): Promise<T>;
  searchHashes(countryCode: string, text: string): Promise<string[]>;
  categoryTokens(countryCode: string, field: string, values: readonly unknown[]): Promise<string[]>;
  /** The class of a field of a record type in a country (what a list filter may do with it). */
  protectionOf(countryCode: string, recordType: string, path: string): Promise<ProtectionClass>;
  /** A keyed hash of a request (an offline create's fingerprint): comparable, but no guess can be checked. */
  fingerprint(countryCode: string, text: string): Promise<string>;
}

/**
 * Seals every field that is not plain (see protection.ts) on the way into Cosmos and opens them on the way
 * out. Each value is bound to its country, record type, record id and field (for subform entries, the
 * entry's unique_id) as associated data: a value copied elsewhere, or altered, does not open.
 */
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
    const kind = kindOf(doc.record_type);
    const classOf = (path: string) => protectionOf(kind, settings, path);
    const sealValue = (path: string, aadPath: string, value: unknown) => {
      const sealed = seal(key, aad(doc, aadPath), value);
      if (classOf(path) === 'sealed_categorical')
        sealed.tok = (Array.isArray(value) ? value : [value]).map((v) => categoryToken(indexKey, path, v));
      return sealed;
    };
    const out: Record<string, unknown> = { ...doc };
    const words = searchableFields(kind, settings)
      .map((f) => doc[f])
      .filter((v): v is string => typeof v === 'string');
    out.search_index = blindIndex(indexKey, searchTokens(words.join(' ')));
    // Everything not declared plain is sealed, whatever its name: custom fields and subform entries too.
    for (const [field, value] of Object.entries(doc)) {
      if (value === undefined || value === null || isSealed(value) || classOf(field) === 'plain') continue;
      if (Array.isArray(value) && value.length > 0 && value.every(isEntry)) {
        out[field] = value.map((entry: Entry) => {
          const sealedEntry: Entry = { ...entry };
          for (const [sub, v] of Object.entries(entry)) {
            const path = `${field}.${sub}`;
            if (v === undefined || v === null || isSealed(v) || classOf(path) === 'plain') continue;
            sealedEntry[sub] = sealValue(path, entryPath(field, entry, sub), v);
          }
          return sealedEntry;
        });
      } else {
        out[field] = sealValue(field, field, value);
      }
    }
    out.key_version = key.version;
    out.protection_version = PROTECTION_VERSION;
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

  async protectionOf(countryCode: string, recordType: string, path: string): Promise<ProtectionClass> {
    return protectionOf(kindOf(recordType), await this.settings.get(countryCode), path);
  }

  /** The tokens a categorical field's stored values carry for `values` (an equality filter, a count's label). */
  async categoryTokens(countryCode: string, field: string, values: readonly unknown[]): Promise<string[]> {
    const key = await this.keys.indexKey(countryCode);
    return values.map((v) => categoryToken(key, field, v));
  }

  /** The blind-index hashes of a free-text query (all must match). */
  async searchHashes(countryCode: string, text: string): Promise<string[]> {
    return blindIndex(await this.keys.indexKey(countryCode), searchTokens(text));
  }
}

const aad = (doc: Doc, field: string) => `${doc.country_code}|${doc.record_type}|${doc.id}|${field}`;
const entryPath = (subform: string, entry: Entry, field: string) =>
  `${subform}[${String(entry.unique_id)}].${field}`;
