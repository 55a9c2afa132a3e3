import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, onAccountDisabled, setToken } from './api';
import { LocaleContext } from './i18n/locale';
import { useCountryLocale } from './i18n/useCountryLocale';
import { loadCaseForms } from './forms/serverForms';
import { useIdleLock } from './idleLock';
import { CaseList } from './screens/CaseList';
import { CaseView } from './screens/CaseView';
import { ConflictResolver } from './screens/ConflictResolver';
import { ConflictTasks } from './screens/ConflictTasks';
import { LanguageSwitcher } from './screens/LanguageSwitcher';
import { Home } from './screens/Home';
import { SignIn, type Unlocked } from './screens/SignIn';
import { pendingMutations, syncNow } from './sync';
import { Vault } from './vault';

type Screen =
  { name: 'home' } | { name: 'cases' } | { name: 'case'; id: string } | { name: 'conflict'; id: string };

export function App() {
  const [user, setUser] = useState<Unlocked>();
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const [online, setOnline] = useState(true);
  const [pending, setPending] = useState(0);
  const [lastSync, setLastSync] = useState<string>();
  const [attention, setAttention] = useState('');
  // Why the sign-in screen is showing again, and whose locked session it can reopen.
  const [notice, setNotice] = useState<string>();
  const [lockedUser, setLockedUser] = useState<string>();
  const locale = useCountryLocale(user?.vault, online);
  const current = useRef(user);
  current.current = user;

  const refresh = useCallback(async () => {
    if (!user) return;
    const reachable = await api.reachable();
    setOnline(reachable);
    if (reachable) {
      try {
        await syncNow(user.vault);
        // The forms come along while online, so a case opens laid out as configured after going offline.
        await loadCaseForms(user.vault, true);
        setAttention('');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401)
          setAttention('Sign in again to send your changes.');
      }
    }
    const queue = await pendingMutations(user.vault);
    setPending(queue.length);
    if (queue.some((m) => m.rejected)) setAttention('Some changes were refused by the server and wait here.');
    setLastSync(await user.vault.get<string>('meta', 'last_sync'));
  }, [user]);

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
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', again);
      window.removeEventListener('offline', again);
      window.removeEventListener('focus', again);
    };
  }, [user, refresh, online]);

  // Locked, not wiped: the data stays sealed on the device, and the password reopens it.
  const lock = useCallback(() => {
    const u = current.current;
    if (!u) return;
    u.vault.close();
    setToken(undefined);
    setLockedUser(u.userName);
    setNotice('Locked after 15 minutes without use. Enter your password to unlock.');
    setUser(undefined);
  }, []);
  useIdleLock(!!user, lock);

  // The server says the account is disabled: nothing of the caseload may stay on this device.
  useEffect(
    () =>
      onAccountDisabled(() => {
        const u = current.current;
        if (!u) return;
        current.current = undefined;
        u.vault.close();
        setToken(undefined);
        setUser(undefined);
        setLockedUser(undefined);
        setScreen({ name: 'home' });
        void Vault.wipe(u.userName).then(() =>
          setNotice('This account has been disabled. The data on this device has been erased.'),
        );
      }),
    [],
  );

  // The token is attached before the signed-in screens mount: their effects run before this component's,
  // so setting it in an effect let Home's first requests go out without it (401, empty task list).
  const signedIn = (unlocked: Unlocked) => {
    setToken(unlocked.session?.token);
    setNotice(undefined);
    setLockedUser(undefined);
    setUser(unlocked);
  };
  if (!user) return <SignIn onSignedIn={signedIn} notice={notice} lockedUser={lockedUser} />;

  const signOut = async () => {
    if (pending && !confirm(`${pending} changes have not been sent yet and will be lost. Sign out anyway?`))
      return;
    await api.signOut().catch(() => undefined);
    setToken(undefined);
    user.vault.close();
    await Vault.wipe(user.userName);
    setUser(undefined);
    setScreen({ name: 'home' });
  };
  const open = (id: string) => setScreen({ name: 'case', id });

  return (
    <LocaleContext.Provider value={locale}>
      <header class="bar">
        <nav aria-label="Main">
          <button
            aria-current={screen.name === 'home' ? 'page' : undefined}
            onClick={() => setScreen({ name: 'home' })}
          >
            Home
          </button>
          <button
            aria-current={screen.name !== 'home' ? 'page' : undefined}
            onClick={() => setScreen({ name: 'cases' })}
          >
            Cases
          </button>
          <button onClick={() => void signOut()}>Sign out</button>
        </nav>
        <LanguageSwitcher />
        <p class="status" role="status" aria-live="polite">
          <span class={online ? 'dot on' : 'dot off'} aria-hidden="true" />
          <span>{online ? 'Online' : 'Offline'}</span> · <span>{pending} changes waiting</span> ·{' '}
          <span>Last sync {lastSync ? new Date(lastSync).toLocaleTimeString() : 'never'}</span>
        </p>
        {attention && (
          <p role="alert" class="error">
            {attention}
          </p>
        )}
      </header>
      {screen.name === 'home' && (
        <Home online={online} onOpen={open}>
          <ConflictTasks
            vault={user.vault}
            userName={user.userName}
            version={lastSync}
            onOpen={(id) => setScreen({ name: 'conflict', id })}
          />
        </Home>
      )}
      {screen.name === 'conflict' && (
        <ConflictResolver
          id={screen.id}
          vault={user.vault}
          userName={user.userName}
          online={online}
          onDone={() => setScreen({ name: 'home' })}
        />
      )}
      {screen.name === 'cases' && <CaseList online={online} vault={user.vault} onOpen={open} />}
      {screen.name === 'case' && (
        <CaseView
          id={screen.id}
          vault={user.vault}
          online={online}
          onSaved={() => void refresh()}
          onBack={() => setScreen({ name: 'cases' })}
        />
      )}
    </LocaleContext.Provider>
  );
}
