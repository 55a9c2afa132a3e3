import type { Container } from '@azure/cosmos';
import { defaultForms } from './defaults/defaultForms';
import { defaultLookups } from './defaults/lookups';
import type { FormStore } from './formStore';
import { createIfMissing } from '../platform/createIfMissing';

export interface ConfigSeedDeps {
  forms: FormStore;
  config: Container;
}

/**
 * Gives a country the default forms and their lookups, unless it has a configuration already: an admin's
 * published changes and edited lookups survive a re-run (country setup runs after every deployment).
 */
export async function seedDefaultConfig(
  deps: ConfigSeedDeps,
  countryCode: string,
): Promise<{ lookups: number; forms_version?: number }> {
  let lookups = 0;
  for (const lookup of defaultLookups)
    if (
      await createIfMissing(deps.config, {
        id: lookup.unique_id,
        type: 'lookup',
        country_code: countryCode,
        ...lookup,
      })
    )
      lookups += 1;
  if ((await deps.forms.current(countryCode)).version > 0) return { lookups };
  const ids = new Set(defaultLookups.map((l) => l.unique_id));
  const published = await deps.forms.publish(countryCode, 'setup', () => defaultForms, ids);
  return { lookups, forms_version: published.version };
}
