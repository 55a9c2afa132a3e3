/**
 * How a field is kept at rest:
 * - `sealed`: AES-256-GCM only; nothing about the value can be queried.
 * - `sealed_searchable`: sealed, and its words feed the blind index (`query=`).
 * - `sealed_categorical`: sealed, plus a keyed deterministic token per value, so that an equality filter or
 *   a count can be answered without the plaintext (the token of a known option can be computed to label it).
 * - `plain`: in clear. Only structural fields the server itself queries in SQL (ids, owners, module, status,
 *   the dates lists sort and filter on, bookkeeping): a fixed list, never the forms' choice.
 */
export const protectionClasses = ['sealed', 'sealed_searchable', 'sealed_categorical', 'plain'] as const;
export type ProtectionClass = (typeof protectionClasses)[number];

/**
 * What a record kind declares: the fields of its own kept in clear whatever the forms say (the server queries
 * them). Every other field's class comes from the country's forms (records/protection.ts).
 */
export interface FieldProtection {
  plain: readonly string[];
}
