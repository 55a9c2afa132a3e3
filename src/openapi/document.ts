import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { loginResponseSchema, loginSchema } from '../auth/schema';
import { contactInformationSchema } from '../meta/contactInformation';
import { MAX_PER } from '../records/listParams';
import type { RecordKind } from '../records/recordKind';
import { allKinds } from '../records/recordKinds';
import { registerAdminPaths } from './adminPaths';
import { registerConfigPaths } from './configPaths';
import { documentedRecord, listMetadata } from './recordSchemas';
import { registerWorkPaths } from './workPaths';
import { resolveConflictsSchema } from '../sync/schema';
import { uuid } from '../records/fieldTypes';
import packageJson from '../../package.json';

// The generator calls `.openapi()` on parameter schemas; this adds it to zod once.
extendZodWithOpenApi(z);

const errorEnvelope = z.object({
  errors: z.array(
    z.object({ status: z.int(), resource: z.string(), detail: z.string().optional(), message: z.string() }),
  ),
});
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, json(errorEnvelope, `Error (${code})`)]));
const idParam = z.object({ id: z.string().meta({ description: 'Record id (UUID)' }) });
const countryHeader = z.object({
  'x-country-code': z
    .string()
    .optional()
    .meta({ description: 'Acting country, for users of several countries' }),
  'accept-language': z.string().optional().meta({
    description:
      "The messages' language (en, fr, ar; else the user's stored locale): see docs/api.md, Conventions",
  }),
});

/** Builds the OpenAPI 3.1 document from the same zod schemas that validate requests. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  const secured = { security: [{ bearer: [] }] };

  registry.registerPath({
    method: 'get',
    path: '/api/v2/health',
    summary: 'Health of the platform',
    responses: {
      200: json(
        z.object({ data: z.object({ status: z.string(), checks: z.record(z.string(), z.string()) }) }),
        'Healthy',
      ),
      503: { description: 'Degraded' },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v2/primero',
    summary: 'Deployment information',
    responses: { 200: { description: 'Countries, modules, locales, identity providers' } },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v2/identity_providers',
    summary: 'How to sign in: the identity provider, and metadata.use_identity_provider',
    responses: { 200: { description: 'Identity providers in Primero’s keys' } },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v2/contact_information',
    summary: 'The deployment’s support contact, and system_version',
    responses: { 200: json(z.object({ data: contactInformationSchema.loose() }), 'Contact information') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v2/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1' } },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v2/tokens',
    summary: 'Sign in; with a valid bearer and no body, renew the session (the token sent stays valid)',
    request: { body: { content: { 'application/json': { schema: loginSchema } } } },
    responses: { 200: json(loginResponseSchema, 'A session token'), ...errors(400, 401, 422, 429) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v2/tokens',
    summary: 'Sign out (revokes the token)',
    ...secured,
    responses: { 200: { description: 'Signed out' }, ...errors(401) },
  });
  for (const kind of allKinds) registerRecordPaths(registry, kind, secured);
  registerAdminPaths(registry, secured, json, errors);
  registerConfigPaths(registry, secured, json, errors);
  registerWorkPaths(registry, secured, errors);

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'primero-serverless',
      version: packageJson.version,
      description: 'Primero v2 compatible API',
    },
    servers: [{ url: '/' }],
  });
}

/** The five record endpoints of one record type (API.md, "Records"). */
function registerRecordPaths(
  registry: OpenAPIRegistry,
  kind: RecordKind,
  secured: { security: Record<string, string[]>[] },
) {
  const name = kind.label.replace(/ (\w)/g, (_m, c: string) => c.toUpperCase());
  const noun = kind.label.toLowerCase();
  const base = `/api/v2/${kind.resource}`;
  // Named components through zod metadata (registry.register needs schemas made after extendZodWithOpenApi).
  const record = documentedRecord(kind).meta({ id: name });
  const input = kind.fields.extend({ id: uuid.optional() }).meta({ id: `${name}Input` });
  const withEtagHeader = countryHeader.extend({ 'if-match': z.string().optional() });
  const listQuery = z.object({
    page: z.int().min(1).optional(),
    per: z.int().min(1).max(MAX_PER).optional(),
    order_by: z.enum(kind.list.orderable as [string, ...string[]]).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    fields: z.string().optional().meta({ description: 'Comma-separated field names, or `short`' }),
    query: z.string().optional(),
    id_search: z.boolean().optional(),
    flagged: z.boolean().optional(),
    has_alerts: z
      .boolean()
      .optional()
      .meta({ description: 'Records with (`true`) or without (`false`) an alert the caller may read' }),
    enabled: z.string().optional().meta({ description: '`true` (default), `false` or `true,false`' }),
    ...Object.fromEntries(
      kind.list.filters.map((f) => [
        f,
        z.string().optional().meta({ description: 'Comma-separated values' }),
      ]),
    ),
    ...Object.fromEntries(
      Object.keys(kind.list.ranges).map((f) => [
        f,
        z.string().optional().meta({ description: 'Range `from..to`' }),
      ]),
    ),
  });
  registry.registerPath({
    method: 'get',
    path: base,
    summary: `List ${kind.resource.replace('_', ' ')} in scope`,
    ...secured,
    request: { query: listQuery, headers: countryHeader },
    responses: {
      200: json(
        z.object({
          data: z.array(record),
          metadata: listMetadata,
        }),
        'A page of records',
      ),
      ...errors(400, 401, 403),
    },
  });
  registry.registerPath({
    method: 'post',
    path: base,
    summary: `Register a ${noun}`,
    ...secured,
    request: {
      headers: countryHeader,
      body: { content: { 'application/json': { schema: z.object({ data: input }) } } },
    },
    responses: {
      200: json(z.object({ data: record }), `The stored ${noun}`),
      ...errors(400, 401, 403, 409, 413, 422),
    },
  });
  registry.registerPath({
    method: 'get',
    path: `${base}/{id}`,
    summary: `Read a ${noun}`,
    ...secured,
    request: { params: idParam, headers: countryHeader },
    responses: {
      200: json(z.object({ data: record }), `The ${noun}, with ETag`),
      ...errors(400, 401, 403, 404),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: `${base}/{id}`,
    summary: `Change fields of a ${noun} (deep merge; subforms by unique_id)`,
    ...secured,
    request: {
      params: idParam,
      headers: withEtagHeader,
      body: {
        content: {
          'application/json': {
            // Decisions on offline sync conflicts travel with an ordinary PATCH.
            schema: z.object({
              data: kind.fields.extend({ resolve_conflicts: resolveConflictsSchema.optional() }),
            }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ data: record }), `The updated ${noun}`),
      ...errors(400, 401, 403, 404, 412, 413, 422),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: `${base}/{id}`,
    summary: `Disable a ${noun}`,
    ...secured,
    request: { params: idParam, headers: withEtagHeader },
    responses: {
      200: json(z.object({ data: record }), `The disabled ${noun}`),
      ...errors(400, 401, 403, 404, 412),
    },
  });
}
