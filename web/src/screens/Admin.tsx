import { useEffect, useState } from 'preact/hooks';
import { call, everyPage } from '../api';
import { findsWords } from '../findWords';
import { t, type Translated } from '../forms/types';
import { formatDate, translate, useLocale, useT } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import { useFieldRefusals } from './fieldRefusals';

interface User {
  id: string;
  user_name: string;
  full_name: string;
  email: string | null;
  role_unique_id: string;
  disabled: boolean;
  totp_enabled?: boolean;
  /** Locked out of sign-in now (failed attempts from many places), until `locked_until`. */
  locked?: boolean;
  locked_until?: string | null;
}
interface Entry {
  unique_id?: string;
  id?: string | number;
  name?: string | Translated;
  placename?: string | Translated;
  [key: string]: unknown;
}
const label = (n: unknown) =>
  typeof n === 'string' ? n : n && typeof n === 'object' ? t(n as Translated) : '';
const errorText = (e: unknown, locale = 'en') =>
  e instanceof Error ? e.message : translate(locale, 'error.generic');
const sectionName = (s: Section) => `admin.section.${s}` as MessageKey;

const SECTIONS = ['Users', 'Roles', 'User groups', 'Agencies', 'Forms', 'Lookups', 'Locations'] as const;
type Section = (typeof SECTIONS)[number];
// Every entry, page after page: a country easily has more than a page of users or locations.
const PATHS: Record<Exclude<Section, 'Users'>, string> = {
  Roles: '/roles',
  'User groups': '/user_groups',
  Agencies: '/agencies',
  Forms: '/forms',
  Lookups: '/lookups',
  Locations: '/locations',
};
/** Lists the server answers whole, without pages. */
const UNPAGED = new Set(['/forms']);
const entriesOf = async (path: string) =>
  UNPAGED.has(path) ? (await call<{ data: Entry[] }>('GET', path)).data : (await everyPage<Entry>(path)).data;

/**
 * Narrows a long list as the user types (a country has hundreds of users, thousands of villages), and says
 * how many of the list are shown.
 */
function FindBox(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput: (v: string) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      <input
        id={props.id}
        type="search"
        autocomplete="off"
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </>
  );
}

/** The everyday admin tasks: users managed here; roles, groups and configuration browsed read-only. */
export function Admin({ online }: { online: boolean }) {
  const msg = useT();
  const [section, setSection] = useState<Section>('Users');
  if (!online)
    return (
      <main>
        <h1>{msg('admin.title')}</h1>
        <p>{msg('admin.offline')}</p>
      </main>
    );
  return (
    <main>
      <h1>{msg('admin.title')}</h1>
      <label for="admin-section">{msg('admin.show')}</label>
      <select
        id="admin-section"
        value={section}
        onChange={(e) => setSection(e.currentTarget.value as Section)}
      >
        {SECTIONS.map((s) => (
          <option key={s} value={s}>
            {msg(sectionName(s))}
          </option>
        ))}
      </select>
      {section === 'Users' ? (
        <Users />
      ) : (
        <Browse key={section} title={msg(sectionName(section))} path={PATHS[section]} />
      )}
    </main>
  );
}

function Users() {
  const msg = useT();
  const { locale } = useLocale();
  const [users, setUsers] = useState<User[]>([]);
  const [tick, setTick] = useState(0);
  const [message, setMessage] = useState('');
  const [roles, setRoles] = useState<Entry[]>([]);
  const [groups, setGroups] = useState<Entry[]>([]);
  const [agencies, setAgencies] = useState<Entry[]>([]);
  useEffect(() => {
    everyPage<User>('/users').then(
      ({ data }) => setUsers(data),
      (e: unknown) => setMessage(errorText(e, locale)),
    );
  }, [tick]);
  useEffect(() => {
    const load = (path: string, set: (e: Entry[]) => void) => entriesOf(path).then(set, () => undefined);
    void load('/roles', setRoles);
    void load('/user_groups', setGroups);
    void load('/agencies', setAgencies);
  }, []);
  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage('');
    try {
      await work();
      setMessage(done);
      setTick((n) => n + 1);
    } catch (e) {
      setMessage(errorText(e, locale));
    }
  };
  const patch = (u: User, data: Record<string, unknown>) =>
    call('PATCH', `/users/${encodeURIComponent(u.id)}`, { data });
  // A form of its own, not prompt(): a password typed where it is masked, with a label to read it by.
  const [resetting, setResetting] = useState<string>();
  const [query, setQuery] = useState('');
  const roleName = (u: User) =>
    label(roles.find((r) => r.unique_id === u.role_unique_id)?.name) || u.role_unique_id;
  const finds = findsWords(query);
  const shown = users.filter((u) => finds(`${u.full_name} ${u.user_name} ${u.email ?? ''} ${roleName(u)}`));
  return (
    <>
      <h2>{msg('admin.users')}</h2>
      {message && (
        <p role="status" class="notice">
          {message}
        </p>
      )}
      <FindBox
        id="find-user"
        label={msg('admin.findUser')}
        hint={msg('admin.findUserHint')}
        value={query}
        onInput={setQuery}
      />
      <p class="muted" aria-live="polite">
        {query.trim() && !shown.length
          ? msg('admin.noMatch', { query: query.trim() })
          : msg('admin.usersShown', { shown: shown.length, n: users.length })}
      </p>
      <ul class="list">
        {shown.map((u) => (
          <li key={u.id} class="item">
            <span>
              <strong>{u.full_name}</strong> ({u.user_name}) <span class="muted id">{roleName(u)}</span>
              {u.disabled && <span class="badge overdue"> {msg('admin.disabledBadge')}</span>}
              {u.locked && u.locked_until && (
                <span class="badge overdue own-line">
                  {msg('admin.lockedUntil', { time: formatDate(locale, u.locked_until, true) })}
                </span>
              )}
            </span>
            <span class="inline wrap">
              <button
                type="button"
                class="secondary"
                onClick={() =>
                  void act(
                    () => patch(u, { disabled: !u.disabled }),
                    msg(u.disabled ? 'admin.enabledDone' : 'admin.disabledDone', { user: u.user_name }),
                  )
                }
              >
                {msg(u.disabled ? 'admin.enable' : 'admin.disable', { user: u.user_name })}
              </button>
              <button
                type="button"
                class="secondary"
                aria-expanded={resetting === u.id}
                onClick={() => setResetting(resetting === u.id ? undefined : u.id)}
              >
                {msg('admin.reset', { user: u.user_name })}
              </button>
              {u.locked && (
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    void act(
                      () => call('POST', `/users/${encodeURIComponent(u.id)}/unlock`),
                      msg('admin.unlocked', { user: u.user_name }),
                    )
                  }
                >
                  {msg('admin.unlock', { user: u.user_name })}
                </button>
              )}
            </span>
            {resetting === u.id && (
              <ResetPassword
                user={u}
                onCancel={() => setResetting(undefined)}
                onSet={(password) =>
                  act(
                    () => patch(u, { password }).then(() => setResetting(undefined)),
                    msg('admin.resetDone', { user: u.user_name }),
                  )
                }
              />
            )}
          </li>
        ))}
      </ul>
      <NewUser
        roles={roles}
        groups={groups}
        agencies={agencies}
        onCreate={async (data) => {
          // Refusals are shown at the form's fields by NewUser; success is listed above too.
          await call('POST', '/users', { data });
          setMessage(msg('admin.created', { user: String(data.user_name) }));
          setTick((n) => n + 1);
        }}
      />
    </>
  );
}

function ResetPassword(props: { user: User; onSet: (password: string) => void; onCancel: () => void }) {
  const msg = useT();
  const [password, setPassword] = useState('');
  const id = `reset-${props.user.id}`;
  return (
    <form
      class="reset-password"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSet(password);
      }}
    >
      <label for={id}>{msg('admin.resetPrompt', { user: props.user.user_name })}</label>
      <input
        id={id}
        type="password"
        autocomplete="new-password"
        required
        minLength={12}
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      <span class="inline wrap">
        <button type="submit">{msg('admin.setPassword')}</button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {msg('admin.cancel')}
        </button>
      </span>
    </form>
  );
}

/** The form's input for each field the server may name in a refusal. */
const INPUTS: Record<string, string> = {
  user_name: 'nu-user-name',
  full_name: 'nu-full-name',
  email: 'nu-email',
  password: 'nu-password',
  role_unique_id: 'nu-role',
  user_group_unique_ids: 'nu-group',
  agency_unique_id: 'nu-agency',
};

function NewUser(props: {
  roles: Entry[];
  groups: Entry[];
  agencies: Entry[];
  onCreate: (data: Record<string, unknown>) => Promise<void>;
}) {
  const msg = useT();
  const [form, setForm] = useState({
    user_name: '',
    full_name: '',
    email: '',
    password: '',
    role: '',
    group: '',
    agency: '',
  });
  const set = (key: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
  // What the server said, at the form (on a phone the list's messages are a long way up).
  const [refused, setRefused] = useState('');
  const refusals = useFieldRefusals(INPUTS);
  const [created, setCreated] = useState('');
  const { locale } = useLocale();
  const options = (list: Entry[]) =>
    list.map((r) => (
      <option key={String(r.unique_id)} value={String(r.unique_id)}>
        {label(r.name) || String(r.unique_id)}
      </option>
    ));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setRefused('');
        refusals.clear();
        setCreated('');
        const userName = form.user_name.trim();
        props
          .onCreate({
            user_name: userName,
            full_name: form.full_name.trim(),
            ...(form.email.trim() ? { email: form.email.trim() } : {}),
            password: form.password,
            role_unique_id: form.role,
            user_group_unique_ids: form.group ? [form.group] : [],
            agency_unique_id: form.agency,
          })
          .then(
            () => {
              setCreated(msg('admin.created', { user: userName }));
              setForm({ ...form, user_name: '', full_name: '', email: '', password: '' });
            },
            (error: unknown) => {
              setRefused(errorText(error, locale));
              refusals.take(error);
            },
          );
      }}
    >
      <fieldset>
        <legend>{msg('admin.newUser')}</legend>
        <label for="nu-user-name">{msg('admin.newUserName')}</label>
        <input
          id="nu-user-name"
          required
          autocomplete="off"
          value={form.user_name}
          onInput={set('user_name')}
          {...refusals.marks('nu-user-name')}
        />
        {refusals.below('nu-user-name')}
        <label for="nu-full-name">{msg('admin.fullName')}</label>
        <input
          id="nu-full-name"
          required
          value={form.full_name}
          onInput={set('full_name')}
          {...refusals.marks('nu-full-name')}
        />
        {refusals.below('nu-full-name')}
        <label for="nu-email">{msg('admin.email')}</label>
        <input
          id="nu-email"
          type="email"
          value={form.email}
          onInput={set('email')}
          {...refusals.marks('nu-email')}
        />
        {refusals.below('nu-email')}
        <label for="nu-password">{msg('admin.password')}</label>
        <input
          id="nu-password"
          type="password"
          autocomplete="new-password"
          minLength={12}
          required
          value={form.password}
          onInput={set('password')}
          {...refusals.marks('nu-password')}
        />
        {refusals.below('nu-password')}
        <label for="nu-role">{msg('admin.role')}</label>
        <select id="nu-role" required value={form.role} onChange={set('role')} {...refusals.marks('nu-role')}>
          <option value="">{msg('admin.chooseRole')}</option>
          {options(props.roles)}
        </select>
        {refusals.below('nu-role')}
        <label for="nu-group">{msg('admin.group')}</label>
        <select id="nu-group" value={form.group} onChange={set('group')} {...refusals.marks('nu-group')}>
          <option value="">{msg('admin.noGroup')}</option>
          {options(props.groups)}
        </select>
        {refusals.below('nu-group')}
        <label for="nu-agency">{msg('admin.agency')}</label>
        <select
          id="nu-agency"
          required
          value={form.agency}
          onChange={set('agency')}
          {...refusals.marks('nu-agency')}
        >
          <option value="">{msg('admin.chooseAgency')}</option>
          {options(props.agencies)}
        </select>
        {refusals.below('nu-agency')}
        <button type="submit">{msg('admin.create')}</button>
        {refused && (
          <p class="error" role="alert">
            {refused}
          </p>
        )}
        {created && (
          <p class="notice" role="status">
            {created}
          </p>
        )}
      </fieldset>
    </form>
  );
}

/** A read-only list of one kind of configuration, each entry's details on demand. */
function Browse({ title, path }: { title: string; path: string }) {
  const msg = useT();
  const { locale } = useLocale();
  const [entries, setEntries] = useState<Entry[]>();
  const [error, setError] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    setQuery('');
    entriesOf(path).then(
      (data) => setEntries(data),
      (e: unknown) => setError(errorText(e, locale)),
    );
  }, [path]);
  const finds = findsWords(query);
  const shown = (entries ?? []).filter((e) =>
    finds(
      `${label(e.name)} ${label(e.placename)} ${String(e.unique_id ?? e.id ?? '')} ${String(e.code ?? '')}`,
    ),
  );
  return (
    <>
      <h2>{title}</h2>
      {error && <p role="alert">{error}</p>}
      {!entries && !error && <p>{msg('loading')}</p>}
      <FindBox id="find-entry" label={msg('admin.findEntry')} value={query} onInput={setQuery} />
      <p class="muted" aria-live="polite">
        {query.trim() && !shown.length
          ? msg('admin.noMatch', { query: query.trim() })
          : query.trim()
            ? msg('admin.entriesShown', { shown: shown.length, n: entries?.length ?? 0 })
            : msg('admin.entries', { n: entries?.length ?? 0 })}
      </p>
      <ul class="list">
        {shown.map((e, i) => (
          <li key={String(e.unique_id ?? e.id ?? i)} class="item">
            <details>
              <summary>
                <span class="named">
                  {label(e.name) || label(e.placename) || String(e.unique_id ?? e.id)}
                  <span class="muted id">{String(e.unique_id ?? e.code ?? '')}</span>
                </span>
              </summary>
              <pre class="json">{JSON.stringify(e, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
