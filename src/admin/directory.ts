import type { Container } from '@azure/cosmos';
import { can, type Principal } from '../auth/principal';
import { conflict, forbidden, notFound, preconditionFailed } from '../errors';
import { ifMatchHolds } from '../http/etag';
import { parseOr422 } from '../http/validation';
import type { DirectoryKind } from './directoryKinds';

export type DirectoryDoc = Record<string, unknown> & {
  id: string;
  type: string;
  country_code: string;
  _etag?: string;
};
export type Containers = Record<DirectoryKind['container'], Container>;

const statusOf = (error: unknown) => (error as { code?: number }).code;
const hidden = new Set(['_rid', '_self', '_attachments', '_ts', '_etag', 'type']);

export function presentDirectoryDoc(doc: DirectoryDoc): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !hidden.has(key)));
}

function authorize(principal: Principal, kind: DirectoryKind, action: 'read' | 'manage') {
  if (!can(principal, kind.permission, action))
    throw forbidden(
      `Your role does not allow ${action === 'read' ? 'reading' : 'changing'} ${kind.resource}`,
    );
}

/**
 * Roles, user groups and agencies of one country: an admin only ever sees and changes
 * their acting country's (the partition key comes from the principal, never from the request).
 */
export class Directory {
  constructor(private readonly containers: Containers) {}

  async list(principal: Principal, kind: DirectoryKind): Promise<DirectoryDoc[]> {
    authorize(principal, kind, 'read');
    return this.all(principal.countryCode, kind);
  }

  async all(countryCode: string, kind: DirectoryKind): Promise<DirectoryDoc[]> {
    const { resources } = await this.containers[kind.container].items
      .query<DirectoryDoc>(
        {
          query: `SELECT * FROM c WHERE c.country_code = @country AND c.type = @type ORDER BY c.id ASC`,
          parameters: [
            { name: '@country', value: countryCode },
            { name: '@type', value: kind.type },
          ],
        },
        { partitionKey: [countryCode] },
      )
      .fetchAll();
    return resources;
  }

  async find(countryCode: string, kind: DirectoryKind, id: string): Promise<DirectoryDoc | undefined> {
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(id)) return undefined;
    const { resource } = await this.containers[kind.container]
      .item(id, [countryCode, id])
      .read<DirectoryDoc>();
    return resource?.type === kind.type && resource.country_code === countryCode ? resource : undefined;
  }

  async get(principal: Principal, kind: DirectoryKind, id: string): Promise<DirectoryDoc> {
    authorize(principal, kind, 'read');
    const doc = await this.find(principal.countryCode, kind, id);
    if (!doc) throw notFound(`${kind.label} not found`);
    return doc;
  }

  async create(principal: Principal, kind: DirectoryKind, data: unknown): Promise<DirectoryDoc> {
    authorize(principal, kind, 'manage');
    const fields = parseOr422(kind.create, data) as Record<string, unknown>;
    const id = fields[kind.key] as string;
    const doc: DirectoryDoc = { ...fields, id, type: kind.type, country_code: principal.countryCode };
    try {
      const { resource } = await this.containers[kind.container].items.create<DirectoryDoc>(doc);
      return resource as DirectoryDoc;
    } catch (error) {
      if (statusOf(error) === 409) throw conflict(`${kind.label} ${id} already exists`, kind.key);
      throw error;
    }
  }

  async update(
    principal: Principal,
    kind: DirectoryKind,
    id: string,
    data: unknown,
    ifMatch: string | null,
  ): Promise<DirectoryDoc> {
    authorize(principal, kind, 'manage');
    const changes = parseOr422(kind.update, data) as Record<string, unknown>;
    const current = await this.find(principal.countryCode, kind, id);
    if (!current) throw notFound(`${kind.label} not found`);
    if (!ifMatchHolds(ifMatch, current._etag as string)) throw preconditionFailed();
    const next: DirectoryDoc = { ...current, ...changes };
    try {
      const { resource } = await this.containers[kind.container]
        .item(id, [principal.countryCode, id])
        .replace<DirectoryDoc>(next, {
          accessCondition: { type: 'IfMatch', condition: current._etag as string },
        });
      return resource as DirectoryDoc;
    } catch (error) {
      if (statusOf(error) === 412) throw preconditionFailed();
      throw error;
    }
  }
}
