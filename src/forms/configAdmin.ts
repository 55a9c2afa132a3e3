import { can, type Principal } from '../auth/principal';
import { forbidden, notFound, preconditionFailed, unprocessable } from '../errors';
import { ifMatchHolds } from '../http/etag';
import { parseOr422 } from '../http/validation';
import type { ConfigDoc, ConfigDocs, ConfigDocType } from './configDocs';
import {
  locationCreateSchema,
  locationUpdateSchema,
  lookupCreateSchema,
  lookupUpdateSchema,
  MAX_LOCATION_DEPTH,
} from './configSchemas';
import type { FormStore } from './formStore';

export interface ConfigAdminDeps {
  configDocs: ConfigDocs;
  forms: FormStore;
}

/** What a change answers: the document as stored and the configuration version it published. */
export interface ConfigChange {
  doc: ConfigDoc;
  version: number;
  /** The properties the change set, for the audit entry (names, never values). */
  changed: string[];
}

const label = { lookup: 'Lookup', location: 'Location' } as const;

export function requireConfigAdmin(principal: Principal) {
  if (!can(principal, 'metadata', 'manage'))
    throw forbidden('Your role does not allow changing the configuration');
}

export const lookupIdsOf = async (deps: ConfigAdminDeps, countryCode: string) =>
  new Set((await deps.configDocs.all(countryCode, 'lookup')).map((l) => l.id));

/**
 * Publishes the current forms again as a new version, checked against `lookupIds`: the forms stay valid
 * (a form naming a lookup that is going away is refused before it goes), and offline clients see that
 * the configuration changed.
 */
const republish = (
  deps: ConfigAdminDeps,
  principal: Principal,
  lookupIds: ReadonlySet<string>,
  note: string,
) => deps.forms.publish(principal.countryCode, principal.user.user_name, (forms) => forms, lookupIds, note);

/** A location's `type` (country, region…) is kept as `location_type`: `type` names the document kind. */
function stored(type: ConfigDocType, fields: Record<string, unknown>) {
  if (type !== 'location' || !('type' in fields)) return fields;
  const { type: locationType, ...rest } = fields;
  return { ...rest, location_type: locationType };
}

/** A location's parent must exist in the same country, and a location cannot be its own ancestor. */
async function checkParent(deps: ConfigAdminDeps, doc: ConfigDoc) {
  let parentCode: unknown = doc.parent_code;
  for (let depth = 0; typeof parentCode === 'string'; depth++) {
    if (parentCode === doc.id)
      throw unprocessable([{ detail: 'parent_code', message: 'would make the location its own ancestor' }]);
    if (depth >= MAX_LOCATION_DEPTH)
      throw unprocessable([
        { detail: 'parent_code', message: `locations nest at most ${MAX_LOCATION_DEPTH} levels deep` },
      ]);
    const parent = await deps.configDocs.find(doc.country_code, 'location', parentCode);
    if (!parent) {
      if (depth === 0)
        throw unprocessable([{ detail: 'parent_code', message: 'is not a location of this country' }]);
      return;
    }
    parentCode = parent.parent_code;
  }
}

export async function createConfigDoc(
  deps: ConfigAdminDeps,
  principal: Principal,
  type: ConfigDocType,
  data: unknown,
): Promise<ConfigChange> {
  requireConfigAdmin(principal);
  const schema = type === 'lookup' ? lookupCreateSchema : locationCreateSchema;
  const fields = stored(type, parseOr422(schema, data) as Record<string, unknown>);
  const id = (type === 'lookup' ? fields.unique_id : fields.code) as string;
  const doc: ConfigDoc = { ...fields, id, type, country_code: principal.countryCode };
  if (type === 'location') await checkParent(deps, doc);
  const created = await deps.configDocs.create(doc, label[type]);
  const lookups = await lookupIdsOf(deps, principal.countryCode);
  const published = await republish(deps, principal, lookups, `${type} ${id} created`);
  return { doc: created, version: published.version, changed: Object.keys(data as object).sort() };
}

export async function updateConfigDoc(
  deps: ConfigAdminDeps,
  principal: Principal,
  type: ConfigDocType,
  id: string,
  data: unknown,
  ifMatch: string | null,
): Promise<ConfigChange> {
  requireConfigAdmin(principal);
  const schema = type === 'lookup' ? lookupUpdateSchema : locationUpdateSchema;
  const changes = stored(type, parseOr422(schema, data) as Record<string, unknown>);
  const current = await deps.configDocs.find(principal.countryCode, type, id);
  if (!current) throw notFound(`${label[type]} not found`);
  if (!ifMatchHolds(ifMatch, current._etag as string)) throw preconditionFailed();
  const next: ConfigDoc = { ...current, ...changes };
  if (type === 'location') await checkParent(deps, next);
  // Removing an option never touches a record: stored values stay readable (to admins, in exports).
  const saved = await deps.configDocs.replace(next, current._etag as string);
  const lookups = await lookupIdsOf(deps, principal.countryCode);
  const published = await republish(deps, principal, lookups, `${type} ${id} updated`);
  return { doc: saved, version: published.version, changed: Object.keys(data as object).sort() };
}

/**
 * DELETE /lookups/{id}, /locations/{code}. A lookup a form still uses, a locked lookup, and a location
 * with places under it stay (422 saying why). Records that stored its values keep them.
 */
export async function deleteConfigDoc(
  deps: ConfigAdminDeps,
  principal: Principal,
  type: ConfigDocType,
  id: string,
): Promise<{ id: string; version: number }> {
  requireConfigAdmin(principal);
  const cc = principal.countryCode;
  const current = await deps.configDocs.find(cc, type, id);
  if (!current) throw notFound(`${label[type]} not found`);
  if (type === 'lookup' && current.locked === true)
    throw unprocessable([
      { detail: id, message: 'is locked (a default lookup): PATCH it with locked: false first to delete it' },
    ]);
  if (type === 'location') {
    const children = (await deps.configDocs.all(cc, 'location')).filter((l) => l.parent_code === id);
    if (children.length > 0)
      throw unprocessable([
        {
          detail: id,
          message: `has ${children.length} locations under it (${children
            .slice(0, 5)
            .map((c) => c.id)
            .join(', ')}): delete or move them first`,
        },
      ]);
  }
  const lookups = await lookupIdsOf(deps, cc);
  if (type === 'lookup') lookups.delete(id);
  // Published (validated) first: if a form still names the lookup, the 422 comes before anything is deleted.
  const published = await republish(deps, principal, lookups, `${type} ${id} deleted`);
  await deps.configDocs.remove(cc, id);
  return { id, version: published.version };
}
