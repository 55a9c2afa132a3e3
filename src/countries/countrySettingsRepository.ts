import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';
import type { CountrySettings } from './types';
import { zoneFormat } from './zoneFormat';

const CACHE_MS = 60_000;

/** Country settings change rarely and are read on every write: cached briefly per instance. */
export class CountrySettingsRepository {
  private readonly cache = new Map<string, { value: CountrySettings; at: number }>();

  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
  ) {}

  async get(countryCode: string): Promise<CountrySettings> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(countryCode);
    if (hit && now - hit.at < CACHE_MS) return hit.value;
    const { resource } = await this.container
      .item('settings', [countryCode, 'settings'])
      .read<CountrySettings>();
    const value = resource && resource.country_code === countryCode ? resource : this.fallback(countryCode);
    this.cache.set(countryCode, { value, at: now });
    return value;
  }

  /** A country without settings still works: UTC and no custom fields. */
  private fallback(countryCode: string): CountrySettings {
    return {
      id: 'settings',
      type: 'country_settings',
      country_code: countryCode,
      name: countryCode,
      time_zone: 'UTC',
      locales: ['en'],
      form_fields: { case: [] },
    };
  }

  /** Read-change-replace with the stored etag (retried on a concurrent change); refreshes this instance's cache. */
  async update(
    countryCode: string,
    change: (current: CountrySettings) => CountrySettings,
  ): Promise<CountrySettings> {
    for (let attempt = 0; ; attempt++) {
      const item = this.container.item('settings', [countryCode, 'settings']);
      const { resource } = await item.read<CountrySettings & { _etag?: string }>();
      const current = resource?.country_code === countryCode ? resource : this.fallback(countryCode);
      const next = change(current);
      try {
        const { resource: saved } = resource
          ? await item.replace<CountrySettings>(next, {
              accessCondition: { type: 'IfMatch', condition: resource._etag as string },
            })
          : await this.container.items.create<CountrySettings>(next);
        this.cache.set(countryCode, { value: saved as CountrySettings, at: this.clock.now().getTime() });
        return saved as CountrySettings;
      } catch (error) {
        const code = (error as { code?: number }).code;
        if ((code !== 412 && code !== 409) || attempt >= 5) throw error;
      }
    }
  }

  async listCountries(): Promise<string[]> {
    // Deployment-wide metadata for GET /primero, not a record query: the one cross-partition read we allow.
    const { resources } = await this.container.items
      .query<string>({ query: "SELECT VALUE c.country_code FROM c WHERE c.type = 'country_settings'" })
      .fetchAll();
    return [...new Set(resources)].sort();
  }
}

/** YYYY-MM-DD of `at` in the given IANA time zone. */
export function localDate(at: Date, timeZone: string): string {
  return zoneFormat('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
