import { app } from '@azure/functions';
import { can } from '../src/auth/principal';
import { reencryptCountry } from '../src/crypto/reencryption';
import { forEachCountry } from '../src/platform/eachCountry';
import { forbidden } from '../src/errors';
import { authedEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { getApp } from '../src/runtime';
import { http } from './_shared/http';

// An administrator rotates their country's data key; records move to it through the timer below.
app.http('keys-rotate', {
  route: 'api/v2/admin/keys/rotate',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (_request, principal, services) => {
        if (!can(principal, 'keys', 'rotate')) throw forbidden('Your role does not allow rotating keys');
        const key = await services.dataKeys.rotate(principal.countryCode);
        return ok({ country_code: principal.countryCode, key_version: key.version });
      },
      { audit: { action: 'key_rotation' } },
    ),
  ),
});

// Re-encrypts, per country, a bounded number of records still sealed with an older key version or stored
// under older protection classes (fields that were in clear then). Safe to run
// twice or concurrently: every rewrite is etag-guarded, and what is left is read from the data each time.
app.timer('reencrypt', {
  schedule: '%REENCRYPT_SCHEDULE%',
  handler: async (_timer, context) => {
    const services = getApp();
    await forEachCountry(
      'reencrypt',
      await services.settings.listCountries(),
      async (country) => {
        const result = await reencryptCountry(
          { cases: services.records.cases, dataKeys: services.dataKeys, clock: services.clock },
          country,
          { maxRecords: 1000 },
        );
        if (result.total > 0)
          context.log(
            `reencrypt ${country}: ${result.done} of ${result.total}, ${result.skipped} to revisit`,
          );
        if (result.unreadable.length > 0)
          context.warn(
            `reencrypt ${country}: ${result.unreadable.length} records failed their integrity check and stay on their old key: ${result.unreadable.join(', ')}`,
          );
      },
      async (country, kind, where) =>
        context.warn(`reencrypt ${country}: the run failed (${kind}); the next run tries again\n${where}`),
    );
  },
});
