import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  locationCreateSchema,
  locationUpdateSchema,
  lookupCreateSchema,
  lookupUpdateSchema,
} from '../forms/configSchemas';
import { configFileSchema } from '../forms/configFile';

// A form's display conditions nest without bound (z.lazy), which no generator can expand: the form is
// described in words; GET /forms shows its shape and the server validates it field by field.
const formBody = z
  .record(z.string(), z.unknown())
  .meta({ description: "A form section in Primero's shape, as GET /forms answers it" });

type Json = (schema: z.ZodType, description: string) => object;
type Errors = (...codes: number[]) => object;

const idParam = z.object({ id: z.string() });
const ifMatch = z.object({ 'if-match': z.string().optional() });
const dryRun = z.object({ dry_run: z.enum(['true', 'false']).optional() });
const listQuery = z.object({
  page: z.int().min(1).optional(),
  per: z.int().min(1).optional().meta({ description: 'Above 1000 is read as 1000' }),
  hierarchy: z.enum(['true', 'false']).optional(),
});
const body = (schema: z.ZodType) => ({
  content: { 'application/json': { schema: z.object({ data: schema }) } },
});
/** Every configuration change answers the new configuration version (clients refresh when it moves). */
const changed = z.object({ data: z.unknown(), metadata: z.object({ version: z.int() }) });
const changeList = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});

/** Lookups, locations and their import, form creation and deletion, the configuration file. */
export function registerConfigPaths(
  registry: OpenAPIRegistry,
  secured: { security: Record<string, string[]>[] },
  json: Json,
  errors: Errors,
) {
  for (const [resource, noun, create, update] of [
    ['lookups', 'lookup', lookupCreateSchema, lookupUpdateSchema],
    ['locations', 'location', locationCreateSchema, locationUpdateSchema],
  ] as const) {
    const base = `/api/v2/${resource}`;
    registry.registerPath({
      method: 'get',
      path: base,
      summary: `The country's ${resource}, in Primero's shape (every signed-in user)`,
      ...secured,
      request: { query: resource === 'locations' ? listQuery : listQuery.omit({ hierarchy: true }) },
      responses: {
        200: json(z.object({ data: z.array(z.unknown()), metadata: z.unknown() }), 'A page'),
        ...errors(400, 401),
      },
    });
    registry.registerPath({
      method: 'get',
      path: `${base}/{id}`,
      summary: `One ${noun}${resource === 'locations' ? ' with its level and path' : ''}`,
      ...secured,
      request: { params: idParam },
      responses: { 200: json(z.object({ data: z.unknown() }), `The ${noun}`), ...errors(401, 404) },
    });
    registry.registerPath({
      method: 'post',
      path: base,
      summary: `Create a ${noun} (admins); publishes a new configuration version`,
      ...secured,
      request: { body: body(create) },
      responses: { 200: json(changed, `The ${noun}, with ETag`), ...errors(400, 401, 403, 409, 422) },
    });
    registry.registerPath({
      method: 'patch',
      path: `${base}/{id}`,
      summary: `Change a ${noun} (admins); publishes a new configuration version`,
      ...secured,
      request: { params: idParam, headers: ifMatch, body: body(update) },
      responses: { 200: json(changed, `The ${noun}, with ETag`), ...errors(400, 401, 403, 404, 412, 422) },
    });
    registry.registerPath({
      method: 'delete',
      path: `${base}/{id}`,
      summary:
        resource === 'lookups'
          ? 'Delete a lookup no form uses and that is not locked (admins); records keep their values'
          : 'Delete a location with no places under it (admins); records keep their values',
      ...secured,
      request: { params: idParam },
      responses: { 200: json(changed, 'The id deleted'), ...errors(401, 403, 404, 422) },
    });
  }
  registry.registerPath({
    method: 'post',
    path: '/api/v2/locations/import',
    summary:
      'Import administrative boundaries from a p-code CSV (admin0Pcode, admin0Name_en, admin1Pcode, …); any bad row: 422 listing them all, nothing changed',
    ...secured,
    request: { query: dryRun, body: { content: { 'text/csv': { schema: z.string() } } } },
    responses: {
      200: json(z.object({ data: z.unknown() }), 'The report (created, updated, unchanged, version)'),
      ...errors(400, 401, 403, 413, 422),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v2/forms',
    summary: 'Create a form section (admins); the whole set is validated and published as a new version',
    ...secured,
    request: { body: body(formBody) },
    responses: { 200: json(changed, 'The form'), ...errors(400, 401, 403, 409, 422) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v2/forms/{id}',
    summary: 'Delete a form section and the nested sections only it holds (admins); a core form: 409',
    ...secured,
    request: { params: idParam },
    responses: { 200: json(changed, 'The id deleted'), ...errors(401, 403, 404, 409, 422) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v2/configuration/export',
    summary: "The country's forms, lookups, locations and roles' form permissions as one file (admins)",
    ...secured,
    responses: {
      200: json(z.object({ format: z.string(), forms: z.array(z.unknown()) }), 'The configuration file'),
      ...errors(400, 401, 403),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v2/configuration/import',
    summary:
      "Make the country's configuration a file's (admins): validated as a whole, nothing changed on a 422; dry_run=true only says what would change",
    ...secured,
    request: {
      query: dryRun,
      body: {
        content: { 'application/json': { schema: configFileSchema.extend({ forms: z.array(formBody) }) } },
      },
    },
    responses: {
      200: json(
        z.object({
          data: z.object({
            dry_run: z.boolean(),
            forms: changeList,
            lookups: changeList,
            locations: changeList,
            roles: z.object({ changed: z.array(z.string()) }),
            changes: z.int(),
            version: z.int().optional(),
          }),
        }),
        'What changed (or would)',
      ),
      ...errors(400, 401, 403, 413, 422),
    },
  });
}
