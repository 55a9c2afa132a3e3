import { z } from 'zod';
import { roleGrantStore } from '../src/admin/roleGrantStore';
import { updateForm } from '../src/admin/forms';
import type { App } from '../src/app';
import type { Principal } from '../src/auth/principal';
import { AppError } from '../src/errors';
import {
  createConfigDoc,
  deleteConfigDoc,
  requireConfigAdmin,
  updateConfigDoc,
} from '../src/forms/configAdmin';
import type { ConfigDoc, ConfigDocType } from '../src/forms/configDocs';
import { CONFIG_MAX_BYTES, exportConfig, importConfig, planAuditDetails } from '../src/forms/configFile';
import { dryRunParam } from '../src/forms/configParams';
import { createFormSection, deleteFormSection, updateFormSection } from '../src/forms/formEditor';
import { countryLocales } from '../src/forms/formList';
import { presentForm } from '../src/forms/formPresenter';
import { importLocations, locationImportResponse } from '../src/forms/locationImport';
import { presentLocations, presentLookup } from '../src/forms/locationTree';
import { dataBodySchema, readJson, readText } from '../src/http/body';
import { withEtag } from '../src/http/etag';
import type { ApiResponse } from '../src/http/types';
import { recordKinds } from '../src/records/recordKinds';
import { authedRoute } from './_shared/http';

// Changes to what the forms are made of: forms, lookups, locations, and the whole configuration as a file.
// Each change is validated with the whole set, publishes a new configuration version (offline clients
// refresh), and is audited with the properties it changed and the version.

const localesOf = async (services: App, principal: Principal) =>
  countryLocales(await services.settings.get(principal.countryCode));

const present = async (services: App, principal: Principal, type: ConfigDocType, doc: ConfigDoc) => {
  const ctx = await localesOf(services, principal);
  return type === 'lookup' ? presentLookup(doc, ctx) : presentLocations([doc], ctx, false)[0];
};

const changeResponse = (data: unknown, version: number, details: Record<string, string>, headers = {}) =>
  ({
    status: 200,
    headers,
    json: { data, metadata: { version } },
    auditDetails: { ...details, version: String(version) },
  }) satisfies ApiResponse;

for (const [type, resource] of [
  ['lookup', 'lookups'],
  ['location', 'locations'],
] as const) {
  const audit = (action: string) => ({ audit: { action, record_type: type } });

  authedRoute(
    `${resource}-create`,
    'POST',
    `api/v2/${resource}`,
    async (request, principal, services) => {
      const { data } = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
      const change = await createConfigDoc(services, principal, type, data);
      const body = await present(services, principal, type, change.doc);
      return changeResponse(body, change.version, { fields: change.changed.join(',') }, withEtag(change.doc));
    },
    audit('admin_create'),
  );

  authedRoute(
    `${resource}-update`,
    'PATCH',
    `api/v2/${resource}/{id}`,
    async (request, principal, services) => {
      const { data } = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
      const id = request.params.id ?? '';
      const change = await updateConfigDoc(
        services,
        principal,
        type,
        id,
        data,
        request.headers.get('if-match'),
      );
      const body = await present(services, principal, type, change.doc);
      return changeResponse(body, change.version, { fields: change.changed.join(',') }, withEtag(change.doc));
    },
    audit('admin_update'),
  );

  authedRoute(
    `${resource}-delete`,
    'DELETE',
    `api/v2/${resource}/{id}`,
    async (request, principal, services) => {
      const { id, version } = await deleteConfigDoc(services, principal, type, request.params.id ?? '');
      return changeResponse({ id }, version, {});
    },
    audit('admin_delete'),
  );
}

authedRoute(
  'locations-import',
  'POST',
  'api/v2/locations/import',
  async (request, principal, services) => {
    requireConfigAdmin(principal);
    const dryRun = dryRunParam(request.url.searchParams);
    const csv = await readText(request, ['text/csv', 'text/plain'], CONFIG_MAX_BYTES);
    const ctx = await localesOf(services, principal);
    const report = await importLocations(services, principal, csv, ctx.default_locale, dryRun);
    return locationImportResponse(report);
  },
  { audit: { action: 'admin_import', record_type: 'location' } },
);

const formAudit = (action: string) => ({ audit: { action, record_type: 'form' } });
const changedKeys = (data: Record<string, unknown>) => ({ fields: Object.keys(data).sort().join(',') });

authedRoute(
  'forms-create',
  'POST',
  'api/v2/forms',
  async (request, principal, services) => {
    const { data } = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
    const { form, version } = await createFormSection(services, principal, data);
    const { locales } = await localesOf(services, principal);
    return changeResponse(form && presentForm(form, locales), version, { form: String(data.unique_id) });
  },
  formAudit('admin_create'),
);

authedRoute(
  'forms-update',
  'PATCH',
  'api/v2/forms/{id}',
  async (request, principal, services) => {
    const { data } = await readJson(request, dataBodySchema, services.config.MAX_BODY_BYTES);
    const id = request.params.id ?? '';
    // A record type still names its custom fields (accepted besides the fields its forms define).
    if (Object.hasOwn(recordKinds, id)) {
      const form = await updateForm(services.settings, principal, id, data);
      return { status: 200, json: { data: form }, auditDetails: changedKeys(data) };
    }
    const { form, version } = await updateFormSection(services, principal, id, data);
    const { locales } = await localesOf(services, principal);
    return changeResponse(form && presentForm(form, locales), version, changedKeys(data));
  },
  formAudit('admin_update'),
);

authedRoute(
  'forms-delete',
  'DELETE',
  'api/v2/forms/{id}',
  async (request, principal, services) => {
    const { id, removed, version } = await deleteFormSection(services, principal, request.params.id ?? '');
    return changeResponse({ id }, version, { removed: removed.join(',') });
  },
  formAudit('admin_delete'),
);

const fileDeps = (services: App) => ({ ...services, roles: roleGrantStore(services.containers.users) });

authedRoute(
  'configuration-export',
  'GET',
  'api/v2/configuration/export',
  async (request, principal, services) => {
    requireConfigAdmin(principal);
    if ([...request.url.searchParams.keys()].length > 0)
      throw new AppError(400, 'GET /configuration/export takes no query parameters', 'query');
    const ctx = await localesOf(services, principal);
    const file = await exportConfig(fileDeps(services), principal.countryCode, ctx.default_locale);
    // The file itself (not wrapped in data): what `curl … > gh.json` saves, and the import takes back.
    return {
      status: 200,
      headers: {
        'Content-Disposition': `attachment; filename="${principal.countryCode.toLowerCase()}.json"`,
      },
      json: file,
    };
  },
  { audit: { action: 'admin_export', record_type: 'configuration' } },
);

authedRoute(
  'configuration-import',
  'POST',
  'api/v2/configuration/import',
  async (request, principal, services) => {
    requireConfigAdmin(principal);
    const dryRun = dryRunParam(request.url.searchParams);
    const file = await readJson(request, z.unknown(), CONFIG_MAX_BYTES);
    const ctx = await localesOf(services, principal);
    const plan = await importConfig(fileDeps(services), principal.countryCode, file, {
      dryRun,
      by: principal.user.user_name,
      defaultLocale: ctx.default_locale,
    });
    return { status: 200, json: { data: plan }, auditDetails: planAuditDetails(plan) };
  },
  { audit: { action: 'admin_import', record_type: 'configuration' } },
);
