import type { App } from '../app';
import packageJson from '../../package.json';
import { identityProviders } from './identityProviders';

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
    identity_providers: identityProviders(app.config),
    sandbox_ui: false,
    config_ui: 'limited',
    webpush_enabled: false,
    // Primero's login screen shows the agencies that have logos; no agency has one here.
    agencies: [],
    agencies_logo_options: [],
  };
}
