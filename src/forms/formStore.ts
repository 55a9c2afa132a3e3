import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';
import { unprocessable } from '../errors';
import { issuesToEntries } from '../http/validation';
import { roleProblems } from './fieldRoles';
import { formSetProblems, formSetSchema } from './formSet';
import type { Form, FormInput } from './formSchema';
import { protectionProblems, serverFieldProblems, type PlainFields } from './protectionRules';

/** One published configuration of a country's forms. Never changed once written. */
export interface FormsVersion {
  id: string;
  type: 'forms_version';
  country_code: string;
  version: number;
  published_at: string;
  published_by: string;
  /** What this version changed, in words (`lookup lookup-x updated`), for admins reading the history. */
  note?: string;
  forms: Form[];
}

const CACHE_MS = 30_000;
const CURRENT = 'forms';
export const versionDocId = (version: number) => `forms-v${String(version).padStart(6, '0')}`;
const statusOf = (error: unknown) => (error as { code?: number }).code;

/**
 * The forms of each country, versioned: a publish writes a new immutable `forms-v…` document, then moves
 * the `forms` document (a copy of the current version, so a read is one point read) to it under its etag.
 * Two admins publishing at once cannot both win: the loser's version create or replace fails and retries
 * on the new current.
 */
export class FormStore {
  private readonly cache = new Map<string, { value: FormsVersion; at: number }>();

  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
    private readonly rules: { plainFields?: PlainFields; serverOwned?: PlainFields } = {},
  ) {}

  async current(countryCode: string): Promise<FormsVersion> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(countryCode);
    if (hit && now - hit.at < CACHE_MS) return hit.value;
    const { value } = await this.readCurrent(countryCode);
    this.cache.set(countryCode, { value, at: now });
    return value;
  }

  async version(countryCode: string, version: number): Promise<FormsVersion | undefined> {
    const { resource } = await this.container
      .item(versionDocId(version), [countryCode, versionDocId(version)])
      .read<FormsVersion>();
    return resource?.country_code === countryCode ? resource : undefined;
  }

  /**
   * Validates the changed set as a whole (422 naming every problem, nothing written) and publishes it as
   * the next version. `change` may run more than once (on a concurrent publish). Lookup and location
   * changes publish too (the forms unchanged): an offline client sees a new version and refreshes them.
   */
  /**
   * The forms as publishing would store them, or a 422 with every problem: what `publish` checks, for a
   * caller that must know a change is acceptable before it writes anything else (a configuration import).
   */
  checked(input: unknown, lookupIds: ReadonlySet<string>): Form[] {
    const parsed = formSetSchema.safeParse(input);
    if (!parsed.success) throw unprocessable(issuesToEntries(parsed.error.issues, ['forms']));
    const { plainFields, serverOwned } = this.rules;
    const problems = [
      ...formSetProblems(parsed.data, lookupIds),
      ...roleProblems(parsed.data),
      ...(plainFields ? protectionProblems(parsed.data, plainFields) : []),
      ...(serverOwned ? serverFieldProblems(parsed.data, serverOwned) : []),
    ];
    if (problems.length > 0) throw unprocessable(problems);
    return parsed.data;
  }

  async publish(
    countryCode: string,
    publishedBy: string,
    change: (current: Form[]) => FormInput[],
    lookupIds: ReadonlySet<string>,
    note?: string,
  ): Promise<FormsVersion> {
    for (let attempt = 0; ; attempt++) {
      const { value: current, etag } = await this.readCurrent(countryCode);
      const forms = this.checked(change(current.forms), lookupIds);
      const version = current.version + 1;
      const next: FormsVersion = {
        id: versionDocId(version),
        type: 'forms_version',
        country_code: countryCode,
        version,
        published_at: this.clock.now().toISOString(),
        published_by: publishedBy,
        ...(note ? { note } : {}),
        forms,
      };
      try {
        await this.container.items.create(next);
        const pointer = { ...next, id: CURRENT };
        if (etag)
          await this.container
            .item(CURRENT, [countryCode, CURRENT])
            .replace(pointer, { accessCondition: { type: 'IfMatch', condition: etag } });
        else await this.container.items.create(pointer);
        this.cache.set(countryCode, { value: next, at: this.clock.now().getTime() });
        return next;
      } catch (error) {
        if (![409, 412].includes(statusOf(error) ?? 0) || attempt >= 5) throw error;
      }
    }
  }

  private async readCurrent(countryCode: string): Promise<{ value: FormsVersion; etag?: string }> {
    const { resource } = await this.container
      .item(CURRENT, [countryCode, CURRENT])
      .read<FormsVersion & { _etag?: string }>();
    if (resource?.country_code !== countryCode) return { value: empty(countryCode) };
    const { _etag, ...rest } = resource;
    return { value: { ...stripCosmos(rest), id: versionDocId(resource.version) }, etag: _etag };
  }
}

const stripCosmos = (doc: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_'))) as unknown as FormsVersion;

/** A country nobody configured has version 0 and no forms. */
const empty = (countryCode: string): FormsVersion => ({
  id: versionDocId(0),
  type: 'forms_version',
  country_code: countryCode,
  version: 0,
  published_at: new Date(0).toISOString(),
  published_by: '',
  forms: [],
});
