import { getLocation, getLookup, listLocations, listLookups, systemSettings } from '../src/forms/configLists';
import { getForm, listForms } from '../src/forms/formList';
import { ok } from '../src/http/responses';
import { authedRoute } from './_shared/http';

// The configuration every client builds its screens from: readable by every signed-in user of the country,
// each seeing the forms their role may read.
authedRoute('forms-list', 'GET', 'api/v2/forms', async (request, principal, services) => ({
  status: 200,
  json: await listForms(services, principal, request.url.searchParams),
}));

authedRoute('forms-read', 'GET', 'api/v2/forms/{id}', async (request, principal, services) => ({
  status: 200,
  json: await getForm(services, principal, request.params.id ?? ''),
}));

authedRoute('lookups-list', 'GET', 'api/v2/lookups', async (request, principal, services) => ({
  status: 200,
  json: await listLookups(services, principal, request.url.searchParams),
}));

authedRoute('lookups-read', 'GET', 'api/v2/lookups/{id}', async (request, principal, services) =>
  ok(await getLookup(services, principal, request.params.id ?? '')),
);

authedRoute('locations-list', 'GET', 'api/v2/locations', async (request, principal, services) => ({
  status: 200,
  json: await listLocations(services, principal, request.url.searchParams),
}));

authedRoute('locations-read', 'GET', 'api/v2/locations/{id}', async (request, principal, services) =>
  ok(await getLocation(services, principal, request.params.id ?? '')),
);

authedRoute('system-settings', 'GET', 'api/v2/system_settings', async (_request, principal, services) =>
  ok(await systemSettings(services, principal)),
);
