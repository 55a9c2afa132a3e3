import type { Container } from '@azure/cosmos';
import type { Directory } from '../admin/directory';
import { directoryKind } from '../admin/directoryKinds';
import type { Clock } from '../clock';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import type { References } from './fieldChecks';
import type { FormStore } from './formStore';
import { FormValidators, sourcesUsed } from './recordValidator';

// Lookups, locations, agencies and users change without a new forms version: an instance re-reads them this
// often (what it writes itself it sees at once, see `clear`). The forms themselves are FormStore's cache.
const REFERENCES_MS = 30_000;

export interface FormValidationDeps {
  forms: FormStore;
  directory: Directory;
  /** The accounts container (users are deployment-wide, listed by the countries they act in). */
  users: Container;
  clock: Clock;
}

/**
 * The validators of each country's current forms, compiled once per forms version on each instance (not per
 * request), with the option ids their lookups, locations, agencies and users resolve to.
 */
export class FormValidation {
  private readonly cache = new Map<string, { value: FormValidators; at: number }>();
  private readonly loading = new Map<string, Promise<FormValidators>>();

  constructor(private readonly deps: FormValidationDeps) {}

  async current(countryCode: string): Promise<FormValidators> {
    const forms = await this.deps.forms.current(countryCode);
    const now = this.deps.clock.now().getTime();
    const hit = this.cache.get(countryCode);
    if (hit && hit.value.version === forms.version && now - hit.at < REFERENCES_MS) return hit.value;
    // Concurrent writes after a change share one load.
    const key = `${countryCode}:${forms.version}`;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.references(countryCode, forms.forms)
        .then((refs) => {
          const value = new FormValidators(forms.version, forms.forms, refs);
          this.cache.set(countryCode, { value, at: now });
          return value;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** Forgets every compiled validator: called when this instance writes configuration or accounts. */
  clear(): void {
    this.cache.clear();
  }

  private async references(countryCode: string, forms: FormValidators['forms']): Promise<References> {
    const used = sourcesUsed(forms);
    const { directory } = this.deps;
    const none = async () => [];
    const [lookups, locations, agencies, users] = await Promise.all([
      directory.all(countryCode, directoryKind('lookups')),
      used.locations ? directory.all(countryCode, directoryKind('locations')) : none(),
      used.agencies ? directory.all(countryCode, directoryKind('agencies')) : none(),
      used.users ? this.userNames(countryCode) : Promise.resolve([]),
    ]);
    return {
      lookups: new Map(
        lookups.map((l) => [
          String(l.unique_id),
          new Set(((l.values as { id: string }[] | undefined) ?? []).map((v) => v.id)),
        ]),
      ),
      // A disabled place is kept for the records already there; new values cannot name it.
      locations: new Set(locations.filter((l) => l.disabled !== true).map((l) => String(l.code))),
      agencies: new Set(agencies.filter((a) => a.disabled !== true).map((a) => String(a.unique_id))),
      users: new Set(users),
    };
  }

  private async userNames(countryCode: string): Promise<string[]> {
    const { resources } = await this.deps.users.items
      .query<string>(
        {
          query:
            'SELECT VALUE c.user_name FROM c WHERE c.type = "user" AND c.disabled != true AND ARRAY_CONTAINS(c.country_codes, @country)',
          parameters: [{ name: '@country', value: countryCode }],
        },
        { partitionKey: [DEPLOYMENT_WIDE] },
      )
      .fetchAll();
    return resources;
  }
}
