import type { App } from '../app';
import packageJson from '../../package.json';

export const modules = [
  {
    unique_id: 'primeromodule-cp',
    name: 'CP',
    associated_record_types: ['case', 'tracing_request', 'incident'],
  },
  { unique_id: 'primeromodule-gbv', name: 'GBV', associated_record_types: ['case', 'incident'] },
];

/** GET /primero: what a client needs before signing in. */
export async function primeroInfo(app: App) {
  return {
    version: packageJson.version,
    locales: ['en', 'fr', 'es', 'ar'],
    countries: await app.settings.listCountries(),
    modules,
    identity_providers:
      app.config.AUTH_MODE === 'entra'
        ? [
            {
              unique_id: 'entra',
              name: 'Microsoft Entra ID',
              provider_type: 'entra',
              configuration: {
                authority: `https://login.microsoftonline.com/${app.config.ENTRA_TENANT_ID}/v2.0`,
                audience: app.config.ENTRA_AUDIENCE,
              },
            },
          ]
        : [
            {
              unique_id: 'primeroims',
              name: 'Primero',
              provider_type: 'primero',
              configuration: { type: 'embedded' },
            },
          ],
    sandbox_ui: false,
    config_ui: 'limited',
    webpush_enabled: false,
  };
}
