import type { FieldGrants } from '../forms/fieldAccess';
import type { RecordKind } from './recordKind';
import type { RecordDocument } from './recordDocument';
import { presentRecord } from './recordPresenter';

/**
 * A record as a list shows it, with `photos` (empty when there are none, so that clients can show a
 * placeholder) unless the caller chose the fields. `fields=short` is Primero's short list: the kind's summary fields, `photos` and `record_in_scope`, always true
 * here: lists hold only records in the caller's scope (Primero shows out-of-scope matches of an id search
 * with `record_in_scope: false`; we answer those with nothing, so that ids cannot be probed).
 */
export function presentListed(
  kind: RecordKind,
  doc: RecordDocument,
  grants: FieldGrants,
  fields: string[] | 'short' | undefined,
): Record<string, unknown> {
  if (Array.isArray(fields)) return presentRecord(doc, grants, { listView: true, fields });
  if (fields === undefined) return { photos: [], ...presentRecord(doc, grants, { listView: true }) };
  const short = presentRecord(doc, grants, {
    listView: true,
    fields: [...kind.list.shortFields, 'photos'],
  });
  return { ...short, photos: short.photos ?? [], record_in_scope: true };
}
