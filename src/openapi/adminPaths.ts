import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { directoryKinds } from '../admin/directoryKinds';
import { formUpdateSchema } from '../admin/forms';
import { userCreateSchema, userUpdateSchema } from '../admin/userSchemas';
import { countrySetupSchema } from '../countries/setupSchema';

type Json = (schema: z.ZodType, description: string) => object;
type Errors = (...codes: number[]) => object;

const page = z.object({ page: z.int().min(1).optional(), per: z.int().min(1).max(1000).optional() });
const idParam = z.object({ id: z.string() });
const ifMatch = z.object({ 'if-match': z.string().optional() });

/** GET/POST /{resource} and GET/PATCH /{resource}/{id} of the administration endpoints, from their schemas. */
export function registerAdminPaths(
  registry: OpenAPIRegistry,
  secured: { security: Record<string, string[]>[] },
  json: Json,
  errors: Errors,
) {
  const resources = [
    ...directoryKinds.map((k) => ({
      resource: k.resource,
      label: k.label,
      create: k.create,
      update: k.update,
    })),
    { resource: 'users', label: 'User', create: userCreateSchema, update: userUpdateSchema },
  ];
  for (const { resource, label, create, update } of resources) {
    const base = `/api/v2/${resource}`;
    const noun = label.toLowerCase();
    const body = (schema: z.ZodType) => ({
      content: { 'application/json': { schema: z.object({ data: schema }) } },
    });
    registry.registerPath({
      method: 'get',
      path: base,
      summary: `List the ${resource.replace('_', ' ')} of the acting country (admins)`,
      ...secured,
      request: { query: page },
      responses: { 200: { description: 'A page' }, ...errors(400, 401, 403) },
    });
    registry.registerPath({
      method: 'post',
      path: base,
      summary: `Create a ${noun}`,
      ...secured,
      request: { body: body(create) },
      responses: { 200: { description: `The ${noun}` }, ...errors(400, 401, 403, 409, 422) },
    });
    registry.registerPath({
      method: 'get',
      path: `${base}/{id}`,
      summary:
        resource === 'users'
          ? 'Read a user (admins; anyone their own account); extended=true adds permissions, forms, list headers and filters'
          : `Read a ${noun}`,
      ...secured,
      request: {
        params: idParam,
        ...(resource === 'users'
          ? { query: z.object({ extended: z.enum(['true', 'false']).optional() }) }
          : {}),
      },
      responses: { 200: { description: `The ${noun}, with ETag` }, ...errors(401, 403, 404) },
    });
    registry.registerPath({
      method: 'patch',
      path: `${base}/{id}`,
      summary: `Change a ${noun}`,
      ...secured,
      request: { params: idParam, headers: ifMatch, body: body(update) },
      responses: { 200: { description: `The ${noun}` }, ...errors(400, 401, 403, 404, 412, 422) },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/api/v2/forms',
    summary: "The forms the caller's role may read, in Primero's shape with every locale",
    ...secured,
    responses: { 200: json(z.object({ data: z.unknown() }), 'The forms'), ...errors(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v2/forms/{id}',
    summary: 'One form the caller may read',
    ...secured,
    request: { params: idParam },
    responses: { 200: json(z.object({ data: z.unknown() }), 'The form'), ...errors(401, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v2/system_settings',
    summary: 'Locales, right-to-left locales and the forms of each module',
    ...secured,
    responses: { 200: json(z.object({ data: z.unknown() }), 'The settings'), ...errors(401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v2/permissions',
    summary: 'Every resource and the actions a role can grant',
    ...secured,
    responses: {
      200: json(
        z.object({ data: z.array(z.object({ resource: z.string(), actions: z.array(z.string()) })) }),
        'The permission catalog',
      ),
      ...errors(401, 403),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v2/admin/country_setup',
    summary: 'Set up a new country: settings, default roles, its first administrator (deployment operators)',
    ...secured,
    request: { body: { content: { 'application/json': { schema: countrySetupSchema } } } },
    responses: {
      200: json(z.object({ data: z.unknown() }), 'The country set up'),
      ...errors(400, 401, 403, 409, 413, 422),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v2/users/{id}/unlock',
    summary: "Lift a user's sign-in lockout and every address's wait (audited)",
    ...secured,
    request: { params: idParam },
    responses: { 200: { description: 'The user, with was_locked' }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v2/forms/{id}',
    summary: 'Replace the custom fields of a record type (id: case, incident, tracing_request)',
    ...secured,
    request: {
      params: idParam,
      body: { content: { 'application/json': { schema: z.object({ data: formUpdateSchema }) } } },
    },
    responses: { 200: json(z.object({ data: z.unknown() }), 'The form'), ...errors(401, 403, 404, 422) },
  });
}
