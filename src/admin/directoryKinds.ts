import type { z } from 'zod';
import {
  agencyCreateSchema,
  agencyUpdateSchema,
  roleCreateSchema,
  roleUpdateSchema,
  userGroupCreateSchema,
  userGroupUpdateSchema,
} from './directorySchemas';

/**
 * A kind of per-country directory document an admin manages with GET/POST/PATCH. Lookups and locations,
 * which the forms point to, live with the forms (src/forms/configDocs.ts).
 */
export interface DirectoryKind {
  /** The URL segment. */
  resource: 'roles' | 'user_groups' | 'agencies';
  /** The document `type` in Cosmos. */
  type: string;
  container: 'users';
  /** The role permission resource that guards it (`read` to list, `manage` to change). */
  permission: string;
  /** The field holding the document's id within the country. */
  key: 'unique_id' | 'code';
  label: string;
  create: z.ZodObject;
  update: z.ZodObject;
}

export const directoryKinds: readonly DirectoryKind[] = [
  {
    resource: 'roles',
    type: 'role',
    container: 'users',
    permission: 'roles',
    key: 'unique_id',
    label: 'Role',
    create: roleCreateSchema,
    update: roleUpdateSchema,
  },
  {
    resource: 'user_groups',
    type: 'user_group',
    container: 'users',
    permission: 'user_groups',
    key: 'unique_id',
    label: 'User group',
    create: userGroupCreateSchema,
    update: userGroupUpdateSchema,
  },
  {
    resource: 'agencies',
    type: 'agency',
    container: 'users',
    permission: 'agencies',
    key: 'unique_id',
    label: 'Agency',
    create: agencyCreateSchema,
    update: agencyUpdateSchema,
  },
];

export const directoryKind = (resource: string) =>
  directoryKinds.find((k) => k.resource === resource) as DirectoryKind;
