import { app } from '@azure/functions';
import { setupCountry } from '../src/countries/countrySetup';
import { countrySetupSchema } from '../src/countries/setupSchema';
import { CONFIG_MAX_BYTES } from '../src/forms/configFile';
import { readJson } from '../src/http/body';
import { publicEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { http } from './_shared/http';

// authLevel 'admin': in Azure the host only runs it for callers with the app's master key (the operator
// after a deployment, scripts/setupCountry.ts). There is no user yet to authenticate.
app.http('country-setup', {
  route: 'api/v2/admin/country_setup',
  methods: ['POST'],
  authLevel: 'admin',
  handler: http(
    publicEndpoint(async (request, services) => {
      // Its body may carry a whole configuration file (scripts/setupCountry.ts --config).
      const body = await readJson(request, countrySetupSchema, CONFIG_MAX_BYTES);
      return ok(await setupCountry(services, body.data));
    }),
  ),
});
