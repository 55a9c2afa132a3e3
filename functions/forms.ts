import { getForm, listForms } from '../src/forms/formList';
import { authedRoute } from './_shared/http';

// The configuration every client builds its screens from: readable by every signed-in user of the country,
// each seeing the forms their role may read.
authedRoute('forms-list', 'GET', 'v2/forms', async (request, principal, services) => ({
  status: 200,
  json: await listForms(services, principal, request.url.searchParams),
}));

authedRoute('forms-read', 'GET', 'v2/forms/{id}', async (request, principal, services) => ({
  status: 200,
  json: await getForm(services, principal, request.params.id ?? ''),
}));
