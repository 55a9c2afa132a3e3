/** The network, behind one module: screens never call fetch themselves. */
import type { FieldOption, FormSection } from './forms/types';

export interface Session {
  user_name: string;
  token: string;
  expires_at: string;
  country_codes: string[];
  token_scope: string;
}

export interface CaseRecord {
  id: string;
  case_id_display?: string;
  name?: string;
  sex?: string;
  age?: number;
  status?: string;
  risk_level?: string;
  version?: number;
  hidden_name?: boolean;
  [field: string]: unknown;
}

export interface Task {
  record_id: string;
  record_id_display: string;
  type: string;
  due_date: string;
  overdue: boolean;
  priority?: string;
  completion_field?: string | null;
  /** The follow-up's or service's subform entry (its unique_id). */
  entry_id?: string | null;
}

/**
 * Every page of a list, 1000 records at a time, up to the 10,000 the server lets a list page through, and
 * the ids of the records the server left out for failing their integrity check.
 */
export async function everyPage<T>(path: string, params = new URLSearchParams()) {
  const data: T[] = [];
  const unreadable = new Set<string>();
  for (let page = 1; page <= 10; page++) {
    const query = new URLSearchParams(params);
    query.set('per', '1000');
    query.set('page', String(page));
    const r = await call<ListPage<T>>('GET', `${path}?${query}`);
    data.push(...r.data);
    for (const id of r.metadata.unreadable ?? []) unreadable.add(id);
    if (r.data.length === 0 || page * 1000 >= r.metadata.total) break;
  }
  return { data, unreadable: [...unreadable] };
}

export interface ListPage<T> {
  data: T[];
  /** `unreadable`: ids of the page's records the server left out (they failed their integrity check). */
  metadata: { total: number; per: number; page: number; unreadable?: string[] };
}

export interface SyncConflict {
  field: string;
  server_value: unknown;
  client_value: unknown;
}

export interface SyncResult {
  mutation_id: string;
  result: 'applied' | 'duplicate' | 'conflict' | 'rejected';
  record?: CaseRecord;
  /** On a replay ("duplicate"): what the first push of this mutation got. */
  first_result?: 'applied' | 'conflict' | 'rejected';
  conflicts?: SyncConflict[];
  errors?: ErrorEntry[];
}

/** GET /system_settings: the country's locales and the version of its forms. */
export interface SystemSettings {
  country_code: string;
  locales: string[];
  default_locale: string;
  rtl_locales: string[];
  forms_version: number;
}

export interface LocationNode {
  code: string;
  name: Record<string, string>;
  disabled: boolean;
  hierarchy: string[];
}

/** One entry of the API's error envelope: `detail` names the field at fault (e.g. `age`, `totp_code`). */
export interface ErrorEntry {
  detail?: string;
  message: string;
}

/** An answer in the API's error envelope; `entries` holds every entry (a 422 has one per field). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail?: string,
    readonly entries: ErrorEntry[] = [],
  ) {
    super(message);
  }
}

export interface LookupList {
  data: { unique_id: string; values: FieldOption[] }[];
}

/** The network could not be reached at all (offline, server down). */
export class NetworkError extends Error {}

let token: string | undefined;
export const setToken = (value: string | undefined) => (token = value);

// The language on screen: the server answers its messages in it (docs/api.md), whatever the stored locale.
let language: string | undefined;
export const setLanguage = (value: string) => (language = value);

// The country a user of several works in (deviceCountry.ts); unset for a user of one, whom the server knows.
let country: string | undefined;
export const setCountry = (value: string | undefined) => (country = value);

/** The bearer token, country and language, for requests made outside `call` (uploads, downloads). */
export const requestHeaders = (): Record<string, string> => ({
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
  ...(country ? { 'X-Country-Code': country } : {}),
  ...(language ? { 'Accept-Language': language } : {}),
});

// The server says so only to a holder of a valid token; the app then wipes the device (App.tsx).
let accountDisabled: () => void = () => undefined;
export function onAccountDisabled(handler: () => void): void {
  accountDisabled = handler;
}

export async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
) {
  return (await exchange<T>(method, path, body, extra)).body;
}

async function exchange<T>(
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<{ body: T; etag?: string }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...requestHeaders(), ...extra };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v2${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new NetworkError('No connection');
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const entries = (parsed as { errors?: ErrorEntry[] } | undefined)?.errors ?? [];
    const first = entries[0];
    if (response.status === 401 && first?.detail === 'account_disabled') accountDisabled();
    throw new ApiError(
      response.status,
      first?.message ?? `Request failed (${response.status})`,
      first?.detail,
      entries,
    );
  }
  return { body: parsed as T, etag: response.headers.get('ETag') ?? undefined };
}

/** The deployment's identity provider, as GET /identity_providers describes it (src/meta/identityProviders.ts). */
export interface IdentityProvider {
  provider_type: 'primero' | 'entra';
  client_id?: string | null;
  identity_scope?: string[];
  configuration: { authority?: string };
}

export const api = {
  identityProviders: () => call<{ data: IdentityProvider[] }>('GET', '/identity_providers'),
  signIn: (user_name: string, password: string, totp_code?: string) =>
    call<Session>('POST', '/tokens', { user: { user_name, password, ...(totp_code ? { totp_code } : {}) } }),
  signOut: () => call<unknown>('DELETE', '/tokens'),
  /** First-time 2FA, with the enrolment-only token: a new secret, then the first code turns it on. */
  startTotp: () => call<{ data: { secret: string; otpauth_url: string } }>('POST', '/users/me/totp'),
  verifyTotp: (code: string) =>
    call<{ data: { enabled: boolean } }>('POST', '/users/me/totp/verify', { data: { code } }),
  /** All the caller's tasks (a caseload easily has more than a page of 20). */
  tasks: () => everyPage<Task>('/tasks'),
  cases: (params: URLSearchParams) => call<ListPage<CaseRecord>>('GET', `/cases?${params}`),
  case: (id: string) => call<{ data: CaseRecord }>('GET', `/cases/${encodeURIComponent(id)}`),
  /** The case with its ETag, for an edit that must not overwrite someone else's. */
  caseWithEtag: async (id: string) => {
    const { body, etag } = await exchange<{ data: CaseRecord }>('GET', `/cases/${encodeURIComponent(id)}`);
    return { record: body.data, etag };
  },
  /** PATCH with If-Match: a 412 ApiError when the case changed since `etag` was read. */
  patchCase: async (id: string, data: Record<string, unknown>, etag?: string) => {
    const { body, etag: next } = await exchange<{ data: CaseRecord }>(
      'PATCH',
      `/cases/${encodeURIComponent(id)}`,
      { data },
      etag ? { 'If-Match': etag } : {},
    );
    return { record: body.data, etag: next };
  },
  systemSettings: () => call<{ data: SystemSettings }>('GET', '/system_settings'),
  /** Every location of the country (thousands, down to villages, in a large one), for the location fields. */
  locations: () => everyPage<LocationNode>('/locations', new URLSearchParams({ hierarchy: 'true' })),
  pullCases: (cursor?: string) =>
    call<{ data: CaseRecord[]; metadata: { next_cursor: string; has_more: boolean } }>(
      'GET',
      `/sync/cases?per=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  pushCases: (mutations: unknown[]) =>
    call<{ data: SyncResult[] }>('POST', '/sync/cases', { data: mutations }),
  forms: (recordType: string) =>
    call<{
      data: FormSection[];
      metadata: {
        default_locale: string;
        version?: number;
        /** Per record type and module, the built-in upload boxes that take the caller's files. */
        upload_boxes?: Record<string, Record<string, string[]>>;
      };
    }>('GET', `/forms?record_type=${encodeURIComponent(recordType)}`),
  lookups: (): Promise<LookupList> => everyPage<LookupList['data'][number]>('/lookups'),
  /** Connectivity from a real uncached request, not navigator.onLine. */
  reachable: async () => {
    try {
      await call('GET', '/health');
      return true;
    } catch (error) {
      return !(error instanceof NetworkError);
    }
  },
};
