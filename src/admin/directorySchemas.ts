import { z } from 'zod';
import { fieldName } from '../forms/fieldSchema';
import { permissionCatalog } from './permissionCatalog';
import { rule } from '../messages/schemaMessages';

export const directoryId = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be 1-100 letters, digits, _ . -');
const name = z
  .string()
  .trim()
  .min(1, rule('required'))
  .max(200, rule('too_long', { max: 200 }));

const permissions = z
  .array(
    z
      .object({
        resource: z.string().max(100),
        actions: z.array(z.string().max(100)).min(1).max(50),
      })
      .strict(),
  )
  .max(30)
  .superRefine((grants, ctx) => {
    const seen = new Set<string>();
    grants.forEach((grant, i) => {
      // Own keys only: `toString` or `__proto__` is no resource (it reached Object.prototype: a 500).
      const known = Object.hasOwn(permissionCatalog, grant.resource)
        ? permissionCatalog[grant.resource]
        : undefined;
      // The messages name what is allowed, never repeat what was sent (GET /permissions lists it all).
      if (!known) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'resource'],
          message: `is not a resource of GET /api/v2/permissions (${Object.keys(permissionCatalog).join(', ')})`,
        });
        return;
      }
      if (seen.has(grant.resource))
        ctx.addIssue({ code: 'custom', path: [i, 'resource'], message: 'is granted twice' });
      seen.add(grant.resource);
      grant.actions.forEach((action, j) => {
        if (!known.includes(action))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'actions', j],
            message: `is not an action of ${grant.resource} (${known.join(', ')})`,
          });
      });
    });
  });

const roleFields = {
  name,
  description: z.string().max(1000).optional(),
  group_permission: z.enum(['self', 'group', 'agency', 'all']),
  permissions,
  module_unique_ids: z
    .array(z.enum(['primeromodule-cp', 'primeromodule-gbv']))
    .min(1, 'needs at least one module')
    .max(2),
  require_2fa: z.boolean(),
  /** Primero's per-form grants: a form the role does not list is invisible to it (fieldPermissions.ts). */
  form_section_read_write: z
    .record(fieldName, z.enum(['r', 'rw']))
    .refine((grants) => Object.keys(grants).length <= 300, 'at most 300 forms')
    .optional(),
};
export const roleCreateSchema = z.object({ unique_id: directoryId, ...roleFields }).strict();
export const roleUpdateSchema = z.object(roleFields).partial().strict();

const userGroupFields = { name, description: z.string().max(1000).optional() };
export const userGroupCreateSchema = z.object({ unique_id: directoryId, ...userGroupFields }).strict();
export const userGroupUpdateSchema = z.object(userGroupFields).partial().strict();

const agencyFields = {
  name,
  agency_code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be 1-20 letters, digits, _ -'),
  telephone: z.string().max(50).optional(),
};
export const agencyCreateSchema = z.object({ unique_id: directoryId, ...agencyFields }).strict();
export const agencyUpdateSchema = z.object(agencyFields).partial().strict();
