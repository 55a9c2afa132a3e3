import { badRequest } from '../errors';
import type { ListParams } from '../records/listParams';
import type { RecordType } from '../records/recordKind';
import type { ConfigDocs } from './configDocs';
import type { FormStore } from './formStore';

export interface LocationFilterDeps {
  forms: FormStore;
  configDocs: ConfigDocs;
}

/** A filter on a region matches the districts, villages… under it; beyond this many places, narrow it. */
const MAX_CODES = 500;

const locationSources = new Set(['Location', 'ReportingLocation']);

/**
 * A list filtered by a location field (`?location_current=GH01`) holds the records at that place and at
 * every place under it: the codes are expanded down the country's tree before the query. Fields are
 * location fields when the country's forms say so (option source `Location`).
 */
export async function expandLocationFilters(
  deps: LocationFilterDeps,
  countryCode: string,
  recordType: RecordType,
  params: ListParams,
): Promise<ListParams> {
  const filtered = Object.keys(params.lists);
  if (filtered.length === 0) return params;
  const { forms } = await deps.forms.current(countryCode);
  const locationFields = new Set(
    forms
      .filter((f) => f.parent_form === recordType)
      .flatMap((f) => f.fields)
      .filter((f) => f.option_strings_source !== null && locationSources.has(f.option_strings_source))
      .map((f) => f.name),
  );
  const fields = filtered.filter((name) => locationFields.has(name));
  if (fields.length === 0) return params;
  const children = new Map<string, string[]>();
  for (const doc of await deps.configDocs.all(countryCode, 'location')) {
    const parent = typeof doc.parent_code === 'string' ? doc.parent_code : '';
    children.set(parent, [...(children.get(parent) ?? []), doc.id]);
  }
  const lists = { ...params.lists };
  for (const field of fields) {
    const codes = new Set<string>();
    const queue = [...(lists[field] ?? [])];
    while (queue.length > 0) {
      const code = queue.shift() as string;
      if (codes.has(code)) continue;
      codes.add(code);
      queue.push(...(children.get(code) ?? []));
    }
    if (codes.size > MAX_CODES)
      throw badRequest(
        `${field}: the places chosen hold more than ${MAX_CODES} locations; choose a smaller area`,
        field,
      );
    lists[field] = [...codes];
  }
  return { ...params, lists };
}
