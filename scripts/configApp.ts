import { join } from 'node:path';
import { roleGrantStore } from '../src/admin/roleGrantStore';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { countryLocales } from '../src/forms/formList';
import { localAppSettings } from '../src/local/localSettings';

/**
 * The app the configuration scripts work on: in Azure (or with its settings exported) the app settings,
 * otherwise the emulators of a running npm start; and the country, with its default locale.
 */
export async function configApp(country: unknown, env: NodeJS.ProcessEnv) {
  const cc = typeof country === 'string' ? country.toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(cc)) throw new Error('--country is required (e.g. --country GH)');
  const settings = env.COSMOS_ENDPOINT
    ? env
    : { ...localAppSettings(join(__dirname, '..', '..')), LOG_LEVEL: 'warn' };
  const app = createApp(loadConfig(settings));
  const { default_locale } = countryLocales(await app.settings.get(cc));
  return { app, cc, default_locale, deps: { ...app, roles: roleGrantStore(app.containers.users) } };
}

/** A refused file lists every problem (nothing was changed); anything else is one message. */
export function fail(error: unknown): never {
  const entries = (error as { entries?: { detail?: string; message: string }[] }).entries;
  if (entries && entries.length > 1)
    console.error(
      `The configuration was refused (nothing changed):\n${entries.map((e) => `  ${e.detail ?? ''}: ${e.message}`).join('\n')}`,
    );
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
