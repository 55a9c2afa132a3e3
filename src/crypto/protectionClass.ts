/**
 * How a field is kept at rest:
 * - `sealed`: AES-256-GCM only; nothing about the value can be queried.
 * - `sealed_searchable`: sealed, and its words feed the blind index (`query=`).
 * - `sealed_categorical`: sealed, plus a keyed deterministic token per value, so that an equality filter or
 *   a count can be answered without the plaintext (the token of a known option can be computed to label it).
 * - `plain`: in clear. Only structural fields the server itself queries in SQL (ids, owners, module, status,
 *   the dates lists sort and filter on, bookkeeping).
 */
export type ProtectionClass = 'sealed' | 'sealed_searchable' | 'sealed_categorical' | 'plain';

/** What a record kind declares; every field it does not name — custom and subform fields included — is sealed. */
export interface FieldProtection {
  plain: readonly string[];
  searchable: readonly string[];
  categorical: readonly string[];
}
