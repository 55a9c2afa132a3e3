import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, onAccountDisabled, setCountry, setToken } from './api';
import { can, casework, type Me } from './caseworkApi';
import { LocaleContext, translate } from './i18n/locale';
import type { MessageKey } from './i18n/messages';
import { useCountryLocale } from './i18n/useCountryLocale';
import { loadCaseForms } from './forms/serverForms';
import { announceSwitch, countryName, countryOnDevice, onSwitchElsewhere } from './deviceCountry';
import { useIdleLock } from './idleLock';
import { draftsWritten } from './caseDraft';
import { Admin } from './screens/Admin';
import { CaseView } from './screens/CaseView';
import { CaseWork } from './screens/CaseWork';
import { ConflictResolver } from './screens/ConflictResolver';
import { ConflictTasks } from './screens/ConflictTasks';
import { CountryChoice } from './screens/CountryChoice';
import { HelpPanel } from './screens/Help';
import { HelpIcon, SignOutIcon } from './screens/icons';
import { LanguageSwitcher } from './screens/LanguageSwitcher';
import { Home } from './screens/Home';
import { NewCase } from './screens/NewCase';
import { forgetLists, listWith, RecordList, type RecordType } from './screens/RecordList';
import { RecordSummary } from './screens/RecordSummary';
import { SignIn } from './screens/SignIn';
import type { Unlocked } from './screens/unlocked';
import { hashOf, screenOf, type Screen } from './route';
import { pendingMutations, SETTLED_AFTER_MS, syncNow } from './sync';
import { Vault } from './vault';
import { onBackgroundSync } from './backgroundSync';
import { mayLeave, onUnload } from './unsavedGuard';

export function App() {
  const [user, setUser] = useState<Unlocked>();
  // The screen follows the URL's hash, so back and forward walk the screens as in any web page.
  const [screen, setScreen] = useState<Screen>(() => screenOf(location.hash));
  useEffect(() => {
    let shown = location.hash;
    const follow = () => {
      // The back button away from unsaved edits asks too; kept, the address goes back to the screen shown.
      if (location.hash !== shown && !mayLeave()) {
        history.replaceState(null, '', shown || '#/');
        return;
      }
      shown = location.hash;
      setScreen(screenOf(location.hash));
    };
    window.addEventListener('hashchange', follow);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, []);
  const [online, setOnline] = useState(true);
  const [pending, setPending] = useState(0);
  const [lastSync, setLastSync] = useState<string>();
  const [attention, setAttention] = useState<MessageKey>();
  const [me, setMe] = useState<Me>();
  const [help, setHelp] = useState(false);
  // A user of several countries, signed in, choosing which to work in; then the one chosen.
  const [choosing, setChoosing] = useState<{ unlocked: Unlocked; holding?: string }>();
  const [country, setShownCountry] = useState<string>();

  // Who the user is and what their role may do (the casework buttons follow it); kept sealed for offline.
  useEffect(() => {
    if (!user) return;
    void user.vault.get<Me>('meta', 'me').then((kept) => kept && setMe(kept));
    casework.me().then(
      ({ data }) => (setMe(data), void user.vault.put('meta', 'me', data)),
      () => undefined,
    );
  }, [user]);
  // Why the sign-in screen is showing again, and whose locked session it can reopen.
  const [notice, setNotice] = useState<MessageKey>();
  const [lockedUser, setLockedUser] = useState<string>();
  const locale = useCountryLocale(user?.vault, online);
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale.locale, key, vars);
  const current = useRef(user);
  current.current = user;

  const refresh = useCallback(async () => {
    if (!user) return;
    const reachable = await api.reachable();
    setOnline(reachable);
    if (reachable) {
      try {
        // An Entra token lasts about an hour: MSAL renews it from its refresh token before it runs out.
        if (user.entra) {
          const renewed = await (await import('./entra')).completeEntraSignIn(user.entra);
          if (renewed) setToken(renewed.accessToken);
        }
        // A first pull leaves the last seconds' writes out: fetch them soon, not at the next tick.
        if (await syncNow(user.vault)) setTimeout(() => void refreshRef.current(), SETTLED_AFTER_MS);
        // The forms come along while online, so a case opens laid out as configured after going offline.
        await loadCaseForms(user.vault, true);
        setAttention(undefined);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) setAttention('attention.signInAgain');
      }
    }
    const queue = await pendingMutations(user.vault);
    setPending(queue.length);
    if (queue.some((m) => m.rejected)) setAttention('attention.refused');
    setLastSync(await user.vault.syncedAt());
  }, [user]);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  useEffect(() => {
    if (!user) return;
    void refresh();
    // Offline, the network is probed often, so changes leave soon after it returns (the online event
    // alone is not reliable); online, a pull every half minute keeps the caseload fresh.
    const timer = setInterval(() => void refresh(), online ? 30_000 : 5_000);
    const again = () => void refresh();
    window.addEventListener('online', again);
    window.addEventListener('offline', again);
    window.addEventListener('focus', again);
    const stopBackgroundSync = onBackgroundSync(again);
    return () => {
      stopBackgroundSync();
      clearInterval(timer);
      window.removeEventListener('online', again);
      window.removeEventListener('offline', again);
      window.removeEventListener('focus', again);
    };
  }, [user, refresh, online]);

  // The country this tab showed when it locked: unlocked into another one (switched by another tab meanwhile),
  // its screen is of the country left.
  const shownCountry = useRef(country);
  shownCountry.current = country;
  const lockedIn = useRef<string | undefined>(undefined);
  // Locked, not wiped: the data stays sealed on the device, and the password (or passcode) reopens it.
  const lock = useCallback((why?: MessageKey) => {
    const u = current.current;
    if (!u) return;
    lockedIn.current = shownCountry.current;
    // A draft of unsaved edits being written as the lock comes is finished first (caseDraft.ts).
    void draftsWritten().then(() => u.vault.close());
    forgetLists();
    setToken(undefined);
    setCountry(undefined);
    setLockedUser(u.userName);
    // Entra users unlock with the device passcode they chose, not a password (EntraSignIn.tsx).
    setNotice(why ?? (u.entra ? 'notice.lockedPasscode' : 'notice.locked'));
    setUser(undefined);
  }, []);
  // Stable: a new function each render would restart the idle clock with every render.
  const idleLock = useCallback(() => lock(), [lock]);
  useIdleLock(!!user, idleLock);
  // Another tab switched this user's device data to another country: this one's screens are of the old one.
  useEffect(() => {
    if (!user || !country) return;
    return onSwitchElsewhere(user.userName, (code) => code !== country && lock('notice.otherCountry'));
  }, [user, country, lock]);

  // Signed out, on this screen and the device: the user's data is gone or going (`erase`).
  const forgetUser = useCallback((erase: (u: Unlocked) => Promise<void>) => {
    const u = current.current;
    if (!u) return;
    current.current = undefined;
    u.vault.close();
    forgetLists();
    setToken(undefined);
    setCountry(undefined);
    setUser(undefined);
    setMe(undefined);
    setLockedUser(undefined);
    location.hash = hashOf({ name: 'home' });
    void erase(u);
  }, []);
  // The server says the account is disabled: nothing of the caseload may stay on this device.
  useEffect(
    () =>
      onAccountDisabled(() =>
        forgetUser((u) => Vault.wipe(u.userName).then(() => setNotice('notice.disabled'))),
      ),
    [forgetUser],
  );
  // Another tab of this browser signed out (it erases the device copy, which this tab held open), or needs
  // the database for a newer version of the app (this one locks).
  useEffect(() => {
    if (!user) return;
    return user.vault.onClosedElsewhere((deleted) =>
      deleted ? forgetUser(async () => setNotice('notice.signedOutElsewhere')) : lock(),
    );
  }, [user, forgetUser, lock]);

  // The token is attached before the signed-in screens mount: their effects run before this component's,
  // so setting it in an effect let Home's first requests go out without it (401, empty task list).
  const signedIn = (unlocked: Unlocked) => {
    setToken(unlocked.session?.token);
    setNotice(undefined);
    const unlocking = lockedUser === unlocked.userName;
    setLockedUser(undefined);
    const codes = unlocked.session?.country_codes ?? [];
    if (codes.length > 1) {
      void countryOnDevice(unlocked.vault).then(async (holding) => {
        // Unlocked after the idle lock, the work goes on where it was; offline, the device's country is the
        // only one there is data for.
        const stillTheirs = holding !== undefined && codes.includes(holding);
        // Another tab switched the device while this one was locked: the user says again where they work.
        const unlockingIn = unlocking && holding === lockedIn.current;
        if (stillTheirs && (unlockingIn || !(await api.reachable()))) return enter(unlocked, holding);
        setChoosing({ unlocked, holding });
      });
      return;
    }
    enter(unlocked, undefined);
  };
  const enter = (unlocked: Unlocked, code: string | undefined) => {
    // The screen this tab was on belongs to the country it was in.
    if (lockedIn.current !== undefined && code !== lockedIn.current) location.hash = hashOf({ name: 'home' });
    lockedIn.current = undefined;
    setCountry(code);
    setShownCountry(code);
    setChoosing(undefined);
    setUser(unlocked);
  };
  // The sign-in screen reads the language chosen last on this device too.
  if (!user && choosing)
    return (
      <LocaleContext.Provider value={locale}>
        <CountryChoice
          codes={choosing.unlocked.session?.country_codes ?? []}
          vault={choosing.unlocked.vault}
          holding={choosing.holding}
          onChosen={(code, switched) => {
            // The screen the app was on belongs to the country left.
            if (switched) {
              location.hash = hashOf({ name: 'home' });
              announceSwitch(choosing.unlocked.userName, code);
            }
            enter(choosing.unlocked, code);
          }}
        />
      </LocaleContext.Provider>
    );
  if (!user)
    return (
      <LocaleContext.Provider value={locale}>
        <SignIn onSignedIn={signedIn} notice={notice && t(notice)} lockedUser={lockedUser} />
      </LocaleContext.Provider>
    );

  const signOut = async () => {
    // Sign-out wipes the device's copy (issue 16): said before it happens, so nobody loses a field day to it.
    // Asked before the unsaved edits' question: agreeing to leave them drops their draft, and a sign-out
    // cancelled after that left them on screen with nothing keeping them.
    if (!confirm(pending ? t('signOut.confirm', { n: pending }) : t('signOut.wipes'))) return;
    if (!mayLeave()) return;
    await api.signOut().catch(() => undefined);
    forgetUser(async (u) => {
      await Vault.wipe(u.userName);
      // Out of Microsoft's session too (a redirect to its sign-out page and back), on a shared phone above all.
      if (u.entra) await (await import('./entra')).signOutOfEntra(u.entra);
    });
  };
  const go = (next: Screen) => {
    const hash = hashOf(next);
    if (location.hash !== hash && !mayLeave()) return;
    setHelp(false);
    if (location.hash === hash) setScreen(next);
    else location.hash = hash;
  };
  const open = (id: string, at?: string) => go({ name: 'case', id, ...(at ? { at } : {}) });
  const listOf = (type: RecordType) => () => go({ name: 'list', type });
  const pageOf = (type: RecordType) =>
    (screen.name === 'list' || screen.name === 'record') && screen.type === type
      ? 'page'
      : type === 'cases' && (screen.name === 'case' || screen.name === 'new-case')
        ? 'page'
        : undefined;
  const isAdmin = me?.permissions.some((p) => p.resource === 'users');
  // A list the role may not read is not offered (until the account is known, every list is).
  const mayList = (type: RecordType) => !me || can(me, type, 'read');

  return (
    <LocaleContext.Provider value={locale}>
      <header class="bar">
        <nav aria-label={t('nav.main')}>
          {/* The places scroll sideways on a phone; help and sign-out stay in reach at the row's end. */}
          <div class="nav-places">
            <button
              aria-current={screen.name === 'home' ? 'page' : undefined}
              onClick={() => go({ name: 'home' })}
            >
              {t('nav.home')}
            </button>
            <button aria-current={pageOf('cases')} onClick={listOf('cases')}>
              {t('nav.cases')}
            </button>
            {mayList('incidents') && (
              <button aria-current={pageOf('incidents')} onClick={listOf('incidents')}>
                {t('nav.incidents')}
              </button>
            )}
            {mayList('tracing_requests') && (
              <button aria-current={pageOf('tracing_requests')} onClick={listOf('tracing_requests')}>
                {t('nav.tracing')}
              </button>
            )}
            {isAdmin && (
              <button
                aria-current={screen.name === 'admin' ? 'page' : undefined}
                onClick={() => go({ name: 'admin' })}
              >
                {t('nav.admin')}
              </button>
            )}
          </div>
          <button
            class="nav-tool"
            aria-expanded={help}
            aria-controls="help-panel"
            onClick={() => setHelp(!help)}
          >
            <HelpIcon />
            <span class="nav-tool-name">{t('nav.help')}</span>
          </button>
          <button class="nav-tool" onClick={() => void signOut()}>
            <SignOutIcon />
            <span class="nav-tool-name">{t('nav.signOut')}</span>
          </button>
        </nav>
        <div class="bar-line">
          <LanguageSwitcher />
          <p class="status" role="status" aria-live="polite">
            {country && <span>{countryName(country, locale.locale)} · </span>}
            <span class={online ? 'dot on' : 'dot off'} aria-hidden="true" />
            <span>{t(online ? 'status.online' : 'status.offline')}</span> ·{' '}
            <span>{t('status.waiting', { n: pending })}</span> ·{' '}
            <span>
              {t('status.lastSync', {
                time: lastSync
                  ? // The language's own short time ("01:29" in French, "1:29 AM" in English).
                    new Date(lastSync).toLocaleTimeString(locale.locale, { timeStyle: 'short' })
                  : t('status.never'),
              })}
            </span>
          </p>
        </div>
        {attention && (
          <p role="alert" class="error">
            {t(attention)}
          </p>
        )}
      </header>
      {help && <HelpPanel screen={screen.name} onClose={() => setHelp(false)} />}
      {screen.name === 'home' && (
        <Home
          online={online}
          onOpen={open}
          onNewCase={() => go({ name: 'new-case' })}
          onListFlagged={() => {
            listWith('cases', { status: '', flagged: true });
            go({ name: 'list', type: 'cases' });
            // The button is at the foot of Home: the list opens at its top, its filters in view.
            window.scrollTo(0, 0);
          }}
          me={me}
          vault={user.vault}
          version={lastSync}
        >
          <ConflictTasks
            vault={user.vault}
            userName={user.userName}
            version={lastSync}
            onOpen={(id) => go({ name: 'conflict', id })}
          />
        </Home>
      )}
      {screen.name === 'conflict' && (
        <ConflictResolver
          id={screen.id}
          vault={user.vault}
          userName={user.userName}
          online={online}
          onDone={() => go({ name: 'home' })}
        />
      )}
      {screen.name === 'list' && (
        <RecordList
          type={screen.type}
          online={online}
          vault={user.vault}
          me={me?.user_name ?? user.userName}
          onOpen={(id) =>
            screen.type === 'cases' ? open(id) : go({ name: 'record', type: screen.type, id })
          }
          onNew={screen.type === 'cases' ? () => go({ name: 'new-case' }) : undefined}
        />
      )}
      {screen.name === 'record' && (
        <RecordSummary type={screen.type} id={screen.id} onBack={listOf(screen.type)} />
      )}
      {screen.name === 'new-case' && (
        <NewCase
          vault={user.vault}
          online={online}
          me={me}
          onCreated={(id) => (void refresh(), open(id))}
          onCancel={listOf('cases')}
        />
      )}
      {screen.name === 'admin' && <Admin online={online} />}
      {screen.name === 'case' && (
        <CaseView
          key={screen.id}
          id={screen.id}
          at={screen.at}
          vault={user.vault}
          online={online}
          onSaved={() => void refresh()}
          onBack={listOf('cases')}
          grants={me?.permitted_form}
        >
          <CaseWork
            id={screen.id}
            at={screen.at}
            vault={user.vault}
            online={online}
            me={me}
            onSync={refresh}
          />
        </CaseView>
      )}
    </LocaleContext.Provider>
  );
}
