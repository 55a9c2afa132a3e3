import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, call, type CaseRecord, type ListPage, type LocationNode } from '../api';
import { findsWords } from '../findWords';
import { LocationPicker, locationLabel } from '../forms/LocationPicker';
import { loadCaseForms } from '../forms/serverForms';
import { formatDate, listOf, useLocale, useT } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import type { Vault } from '../vault';
import { RiskOptions, SexOptions } from './choices';

export type RecordType = 'cases' | 'incidents' | 'tracing_requests';

type T = ReturnType<typeof useT>;
interface Kind {
  title: string;
  idField: string;
  /** The line that names a row; GBV records come with `hidden_name` and a masked name, shown as given. */
  name: (r: CaseRecord) => string;
  /** The row's second line, its dates and numbers as the language writes them. */
  detail: (r: CaseRecord, t: T, locale: string) => string;
  sorts: { label: MessageKey; by: string; order: 'asc' | 'desc' }[];
  risk: boolean;
  sexAge: boolean;
  /** Cases: the workflow stage and the current location filter them. */
  casework: boolean;
}

const newest = { label: 'sort.newest', by: 'created_at', order: 'desc' } as const;
const oldest = { label: 'sort.oldest', by: 'created_at', order: 'asc' } as const;
const updated = { label: 'sort.updated', by: 'last_updated_at', order: 'desc' } as const;
const day = (locale: string, v: unknown) => (typeof v === 'string' ? formatDate(locale, v) : '');

export const KINDS: Record<RecordType, Kind> = {
  cases: {
    title: 'Cases',
    idField: 'case_id_display',
    name: (r) => r.name ?? '—',
    detail: (r, t) =>
      [
        r.case_id_display,
        typeof r.risk_level === 'string' && ['high', 'medium', 'low'].includes(r.risk_level)
          ? t(`risk.${r.risk_level}` as MessageKey)
          : r.risk_level,
        typeof r.age === 'number' ? t('list.age', { n: r.age }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    sorts: [
      newest,
      oldest,
      updated,
      { label: 'sort.age', by: 'age', order: 'asc' },
      { label: 'sort.caseId', by: 'case_id_display', order: 'asc' },
    ],
    risk: true,
    sexAge: true,
    casework: true,
  },
  incidents: {
    title: 'Incidents',
    idField: 'incident_code',
    name: (r) => (r.name as string | undefined) ?? (r.incident_code as string | undefined) ?? '—',
    detail: (r, t, locale) =>
      [
        r.incident_code,
        day(locale, r.incident_date),
        r.incident_case_id_display && t('list.case', { id: String(r.incident_case_id_display) }),
      ]
        .filter(Boolean)
        .join(' · '),
    sorts: [newest, oldest, updated, { label: 'sort.incidentDate', by: 'incident_date', order: 'desc' }],
    risk: false,
    sexAge: true,
    casework: false,
  },
  tracing_requests: {
    title: 'Tracing requests',
    idField: 'short_id',
    name: (r) => (r.relation_name as string | undefined) ?? '—',
    detail: (r, _t, locale) => [r.short_id, day(locale, r.inquiry_date)].filter(Boolean).join(' · '),
    sorts: [newest, oldest, updated, { label: 'sort.inquiryDate', by: 'inquiry_date', order: 'desc' }],
    risk: false,
    sexAge: false,
    casework: false,
  },
};

const PER = 10;
// A search term that looks like a display id (digits and hex, no spaces) also searches the ids.
const looksLikeId = (s: string) => /^[0-9a-f-]{4,}$/i.test(s) && /\d/.test(s);

interface Filters {
  query: string;
  status: string;
  risk: string;
  sex: string;
  ageFrom: string;
  ageTo: string;
  flagged: boolean;
  mine: boolean;
  workflow: string;
  location: string;
  sort: number;
}
const EMPTY: Filters = {
  query: '',
  status: 'open',
  risk: '',
  sex: '',
  ageFrom: '',
  ageTo: '',
  flagged: false,
  mine: false,
  workflow: '',
  location: '',
  sort: 0,
};

/** The stages a case's workflow goes through (src/cases/workflow.ts). */
const STAGES = [
  'new',
  'reopened',
  'assessment',
  'case_plan',
  'service_provision',
  'services_implemented',
  'closed',
] as const;

/** The server takes this many values of one filter (src/records/listParams.ts MAX_FILTER_VALUES). */
const MAX_FILTER_VALUES = 50;

/**
 * The filters and page each list was left at, in memory only (a search may hold a name: never in the URL or
 * storage), so that Back from a case returns to the list as it was.
 */
const remembered = new Map<RecordType, { filters: Filters; page: number }>();
export const forgetLists = () => remembered.clear();
/** Opens a list with only these filters set, as if chosen there (Home's "every flagged case"). */
export const listWith = (type: RecordType, only: Partial<Filters>) =>
  remembered.set(type, { filters: { ...EMPTY, ...only }, page: 1 });

/** What is wrong with the age range typed, if anything (the server would refuse it, or read it otherwise). */
function ageProblem(f: Filters): MessageKey | undefined {
  const bad = (v: string) => v !== '' && !/^\d{1,3}$/.test(v.trim());
  if (bad(f.ageFrom) || bad(f.ageTo)) return 'list.ageInvalid';
  if (f.ageFrom && f.ageTo && Number(f.ageFrom) > Number(f.ageTo)) return 'list.ageInverted';
  return undefined;
}

/** The place and every place within it, by the tree's hierarchies (codes from the top down). */
const placesWithin = (code: string, locations: LocationNode[]) => {
  const within = locations.filter((l) => l.hierarchy.includes(code)).map((l) => l.code);
  return within.includes(code) ? within : [code, ...within];
};

/** The device's copy, filtered and sorted as the server would (cases only: the caseload kept offline). */
/** The list's heading in the language on screen (the kinds' own titles stay for messages). */
const TITLES: Record<RecordType, MessageKey> = {
  cases: 'nav.cases',
  incidents: 'nav.incidents',
  tracing_requests: 'list.tracingRequests',
};

function localMatches(
  rows: CaseRecord[],
  f: Filters,
  me: string | undefined,
  kind: Kind,
  locations: LocationNode[],
) {
  const finds = findsWords(f.query);
  const places = f.location ? new Set(placesWithin(f.location, locations)) : undefined;
  const from = f.ageFrom ? Number(f.ageFrom) : -Infinity;
  const to = f.ageTo ? Number(f.ageTo) : Infinity;
  const sort = kind.sorts[f.sort] ?? newest;
  return rows
    .filter(
      (r) =>
        r.enabled !== false &&
        (!f.status || r.status === f.status) &&
        (!f.risk || r.risk_level === f.risk) &&
        (!f.sex || r.sex === f.sex) &&
        ((!f.ageFrom && !f.ageTo) || (typeof r.age === 'number' && r.age >= from && r.age <= to)) &&
        (!f.flagged || Number(r.flag_count ?? 0) > 0) &&
        (!f.mine || r.owned_by === me) &&
        (!f.workflow || r.workflow === f.workflow) &&
        (!places || places.has(String(r.location_current))) &&
        finds(`${r.hidden_name ? '' : (r.name ?? '')} ${String(r[kind.idField] ?? '')}`),
    )
    .sort((a, b) => {
      const x = a[sort.by] as string | number | undefined;
      const y = b[sort.by] as string | number | undefined;
      const order = x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1;
      return sort.order === 'asc' ? order : -order;
    });
}

/** Online: the server's search, filters, sort and pages. Offline: the caseload kept on the device. */
export function RecordList(props: {
  type: RecordType;
  online: boolean;
  vault: Vault;
  me?: string;
  onOpen: (id: string) => void;
  onNew?: () => void;
}) {
  const { type, online, vault } = props;
  const kind = KINDS[type];
  const t = useT();
  const locales = useLocale();
  const { locale } = locales;
  const [draft, setDraft] = useState<Filters>(() => remembered.get(type)?.filters ?? EMPTY);
  const [filters, setFilters] = useState<Filters>(() => remembered.get(type)?.filters ?? EMPTY);
  const [page, setPage] = useState(() => remembered.get(type)?.page ?? 1);
  const [rows, setRows] = useState<CaseRecord[]>([]);
  const [total, setTotal] = useState(0);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [note, setNote] = useState('');
  // A filter the server cannot take: said at the filters, instead of a list that reads "0 cases".
  const [problem, setProblem] = useState('');
  const [locations, setLocations] = useState<LocationNode[]>([]);

  useEffect(() => {
    if (kind.casework) void loadCaseForms(vault, online).then((forms) => setLocations(forms.locations));
  }, [vault, online, kind]);

  // Each list comes back as it was left (Back from a case), until sign-out forgets it.
  const [shownType, setShownType] = useState(type);
  useEffect(() => {
    if (type === shownType) return;
    setShownType(type);
    const before = remembered.get(type);
    setDraft(before?.filters ?? EMPTY);
    setFilters(before?.filters ?? EMPTY);
    setPage(before?.page ?? 1);
  }, [type]);
  useEffect(() => {
    if (type === shownType) remembered.set(type, { filters, page });
  }, [type, shownType, filters, page]);

  // A choice applies at once, with whatever was typed so far (search text, ages), as Search would.
  const choose = (change: Partial<Filters>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    setFilters({ ...next, query: next.query.trim() });
    setPage(1);
  };

  useEffect(() => {
    let stale = false;
    const load = async () => {
      setNote('');
      setProblem('');
      setUnreadable([]);
      const wrongAges = ageProblem(filters);
      if (wrongAges) {
        if (!stale) {
          setRows([]);
          setTotal(0);
          setProblem(t(wrongAges));
        }
        return;
      }
      if (online) {
        const sort = kind.sorts[filters.sort] ?? newest;
        const params = new URLSearchParams({
          page: String(page),
          per: String(PER),
          order_by: sort.by,
          order: sort.order,
        });
        const q = filters.query.trim();
        if (q) params.set('query', q);
        if (q && looksLikeId(q)) params.set('id_search', 'true');
        if (filters.status) params.set('status', filters.status);
        if (filters.risk) params.set('risk_level', filters.risk);
        if (filters.sex) params.set('sex', filters.sex);
        if (filters.ageFrom || filters.ageTo) params.set('age', `${filters.ageFrom}..${filters.ageTo}`);
        if (filters.flagged) params.set('flagged', 'true');
        if (filters.mine && props.me) params.set('owned_by', props.me);
        if (filters.workflow) params.set('workflow', filters.workflow);
        if (filters.location) {
          const places = placesWithin(filters.location, locations);
          // Past the server's bound the list holds the place's own cases, and says so.
          const exact = places.length > MAX_FILTER_VALUES;
          params.set('location_current', exact ? filters.location : places.join(','));
          if (exact)
            setNote(t('list.locationExact', { place: locationLabel(filters.location, locations, locales) }));
        }
        try {
          const result =
            type === 'cases'
              ? await api.cases(params)
              : await call<ListPage<CaseRecord>>('GET', `/${type}?${params}`);
          if (!stale) {
            setRows(result.data);
            setTotal(result.metadata.total);
            setUnreadable(result.metadata.unreadable ?? []);
          }
          return;
        } catch (error) {
          if (
            error instanceof ApiError &&
            error.status >= 400 &&
            error.status < 500 &&
            error.status !== 401
          ) {
            if (!stale) {
              setRows([]);
              setTotal(0);
              setProblem(error.message);
            }
            return;
          }
          if (type !== 'cases') {
            if (!stale) setNote(error instanceof Error ? error.message : t('list.notLoaded'));
            return;
          }
          // cases fall back to the device's copy below
        }
      }
      if (type !== 'cases') {
        if (!stale) {
          setRows([]);
          setTotal(0);
          setNote(t(`list.offline.${type}`));
        }
        return;
      }
      const local = localMatches(await vault.all<CaseRecord>('records'), filters, props.me, kind, locations);
      if (!stale) {
        setRows(local.slice((page - 1) * PER, page * PER));
        setTotal(local.length);
      }
    };
    void load();
    return () => {
      stale = true;
    };
  }, [online, filters, page, vault, type, props.me, kind, locations]);

  const pages = Math.max(1, Math.ceil(total / PER));
  const moreOn = [
    filters.sex,
    filters.ageFrom || filters.ageTo,
    filters.workflow,
    filters.location,
    filters.flagged,
    filters.mine,
  ].filter(Boolean).length;
  const id = (name: string) => `${type}-${name}`;
  return (
    <main>
      <div class="titlebar">
        <h1>{t(TITLES[type])}</h1>
        {props.onNew && (
          <button type="button" onClick={props.onNew}>
            {t('list.newCase')}
          </button>
        )}
      </div>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setFilters({ ...draft, query: draft.query.trim() });
        }}
      >
        <label for={id('search')}>{t(`list.searchBy.${type}`)}</label>
        <div class="inline">
          <input
            id={id('search')}
            type="search"
            value={draft.query}
            onInput={(e) => setDraft({ ...draft, query: e.currentTarget.value })}
          />
          <button type="submit">{t('list.search')}</button>
        </div>
        <div class="grid2">
          <div>
            <label for={id('status')}>{t('list.status')}</label>
            <select
              id={id('status')}
              value={draft.status}
              onChange={(e) => choose({ status: e.currentTarget.value })}
            >
              <option value="">{t('list.any')}</option>
              <option value="open">{t('list.open')}</option>
              <option value="closed">{t('list.closed')}</option>
            </select>
          </div>
          {kind.risk && (
            <div>
              <label for={id('risk')}>{t('field.risk')}</label>
              <select
                id={id('risk')}
                value={draft.risk}
                onChange={(e) => choose({ risk: e.currentTarget.value })}
              >
                <RiskOptions empty="list.any" />
              </select>
            </div>
          )}
          {/* The orders' names are long ("Plus récents d’abord"): their own row, not half of one. */}
          <div class="wide">
            <label for={id('sort')}>{t('list.sortBy')}</label>
            <select
              id={id('sort')}
              value={draft.sort}
              onChange={(e) => choose({ sort: Number(e.currentTarget.value) })}
            >
              {kind.sorts.map((s, i) => (
                <option key={s.label} value={i}>
                  {t(s.label)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <details>
          {/* Said while folded: a list opened on "every flagged case" must not look unfiltered. */}
          <summary>{moreOn ? t('list.moreFiltersOn', { n: moreOn }) : t('list.moreFilters')}</summary>
          {kind.sexAge && (
            <>
              <label for={id('sex')}>{t('field.sex')}</label>
              <select
                id={id('sex')}
                value={draft.sex}
                onChange={(e) => choose({ sex: e.currentTarget.value })}
              >
                <SexOptions empty="list.any" />
              </select>
              <div class="grid2">
                {(
                  [
                    ['age-from', 'ageFrom', 'list.ageFrom'],
                    ['age-to', 'ageTo', 'list.ageTo'],
                  ] as const
                ).map(([name, bound, label]) => (
                  <div key={name}>
                    <label for={id(name)}>{t(label)}</label>
                    <input
                      id={id(name)}
                      type="number"
                      min={0}
                      inputMode="numeric"
                      value={draft[bound]}
                      onInput={(e) => setDraft({ ...draft, [bound]: e.currentTarget.value })}
                    />
                  </div>
                ))}
              </div>
            </>
          )}
          {kind.casework && (
            <>
              <label for={id('workflow')}>{t('list.workflow')}</label>
              <select
                id={id('workflow')}
                value={draft.workflow}
                onChange={(e) => choose({ workflow: e.currentTarget.value })}
              >
                <option value="">{t('list.any')}</option>
                {STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {t(`workflow.${stage}`)}
                  </option>
                ))}
              </select>
              <label for={id('location')}>{t('list.location')}</label>
              <LocationPicker
                id={id('location')}
                value={draft.location || null}
                onChange={(code) => choose({ location: code ?? '' })}
                locations={locations}
                locales={locales}
                a11y={{}}
              />
            </>
          )}
          <p class="tick">
            <label for={id('flagged')}>{t('list.flaggedOnly')}</label>
            <input
              id={id('flagged')}
              type="checkbox"
              checked={draft.flagged}
              onChange={(e) => choose({ flagged: e.currentTarget.checked })}
            />
          </p>
          <p class="tick">
            <label for={id('mine')}>{t('list.onlyMine')}</label>
            <input
              id={id('mine')}
              type="checkbox"
              checked={draft.mine}
              onChange={(e) => choose({ mine: e.currentTarget.checked })}
            />
          </p>
          <button type="submit">{t('list.apply')}</button>
        </details>
      </form>
      <p aria-live="polite">{t(`list.count.${type}`, { n: total })}</p>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {note && <p class="notice">{note}</p>}
      {unreadable.length > 0 && (
        <p class="notice-box" role="status">
          {t('list.unreadable', { n: unreadable.length, ids: listOf(locale, unreadable) })}
        </p>
      )}
      <ul class="list">
        {rows.map((r) => (
          <li key={r.id}>
            <button class="row" onClick={() => props.onOpen(r.id)}>
              <span>
                {Number(r.flag_count ?? 0) > 0 && (
                  <>
                    <span aria-hidden="true">⚑ </span>
                    <span class="sr-only">{t('list.flagged')}</span>
                  </>
                )}
                {kind.name(r)}
              </span>
              <span class="muted">{kind.detail(r, t, locale)}</span>
            </button>
          </li>
        ))}
      </ul>
      <nav class="pager" aria-label={t('list.pages')}>
        <button disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('list.previous')}
        </button>
        <span>{t('list.page', { page, pages })}</span>
        <button disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('list.next')}
        </button>
      </nav>
    </main>
  );
}
