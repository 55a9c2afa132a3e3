import { createHmac } from 'node:crypto';
import { blindIndex, categoryToken, searchTokens } from '../crypto/blindIndex';
import type { DataKeys } from '../crypto/dataKeys';
import { isSealed, open, seal } from '../crypto/fieldCipher';
import type { ProtectionSource } from './fieldProtections';
import type { ProtectionClass } from './protection';
import { recordTypes } from './recordKind';

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
  /** The fields of a record type a list may filter by token (categorical in the country's forms). */
  categoricalFields(countryCode: string, recordType: string): Promise<string[]>;
  /** The protection_version a record of each type is stored with today (the re-sealing job's target). */
  protectionVersions(countryCode: string): Promise<Record<string, string>>;
  /** A keyed hash of a request (an offline create's fingerprint): comparable, but no guess can be checked. */
  fingerprint(countryCode: string, text: string): Promise<string>;
}

/**
 * Seals every field that is not plain (its class comes from the country's forms, see protection.ts) on the way into Cosmos and opens them on the way
 * out. Each value is bound to its country, record type, record id and field (for subform entries, the
 * entry's unique_id) as associated data: a value copied elsewhere, or altered, does not open.
 */
export class RecordCipher implements RecordSealer {
  constructor(
    private readonly keys: DataKeys,
    private readonly protections: ProtectionSource,
  ) {}

  async seal<T extends Doc>(doc: T): Promise<T> {
    const cc = doc.country_code;
    const [key, indexKey, protection] = await Promise.all([
      this.keys.encryptionKey(cc),
      this.keys.indexKey(cc),
      this.protections.of(cc),
    ]);
    const classOf = (path: string) => protection.classOf(doc.record_type, doc.module_id, path);
    const sealValue = (path: string, aadPath: string, value: unknown) => {
      const sealed = seal(key, aad(doc, aadPath), value);
      if (classOf(path) === 'sealed_categorical')
        sealed.tok = (Array.isArray(value) ? value : [value]).map((v) => categoryToken(indexKey, path, v));
      return sealed;
    };
    const out: Record<string, unknown> = { ...doc };
    const words = protection
      .searchable(doc.record_type, doc.module_id)
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
    out.protection_version = protection.fingerprint(doc.record_type);
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
    return (await this.protections.of(countryCode)).filterClass(recordType, path);
  }

  async categoricalFields(countryCode: string, recordType: string): Promise<string[]> {
    return (await this.protections.of(countryCode)).categorical(recordType);
  }

  async protectionVersions(countryCode: string): Promise<Record<string, string>> {
    const protection = await this.protections.of(countryCode);
    return Object.fromEntries(recordTypes.map((type) => [type, protection.fingerprint(type)]));
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

/**
 * What `open` gives for a document just stored from `plain`, without decrypting it again: the stored
 * document (its etag, index, key version) with each sealed value replaced by the value it was sealed from.
 * A create or replace answered by opening what it had just sealed spent a fifth of a create's own CPU on it.
 */
export function storedAsOpened<T extends Doc>(stored: T, plain: T): T {
  const out: Record<string, unknown> = { ...stored };
  for (const [field, value] of Object.entries(stored)) {
    const sealedEntries =
      Array.isArray(value) && value.some((e) => isEntry(e) && Object.values(e).some(isSealed));
    if (isSealed(value) || sealedEntries) out[field] = plain[field];
  }
  return out as T;
}

const aad = (doc: Doc, field: string) => `${doc.country_code}|${doc.record_type}|${doc.id}|${field}`;
const entryPath = (subform: string, entry: Entry, field: string) =>
  `${subform}[${String(entry.unique_id)}].${field}`;
