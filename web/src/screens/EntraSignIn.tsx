import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../api';
import type { EntraSettings, EntraSignedIn } from '../entra';
import { useT } from '../i18n/locale';
import { Vault, WrongPassword } from '../vault';
import { OfflineSignInHint } from './OfflineSignInHint';
import { UserNameInput } from './SignInInputs';
import { useReachable } from './useReachable';
import type { Unlocked } from './unlocked';

// MSAL comes in its own chunk, on this screen only.
const entra = () => import('../entra');

/**
 * Sign-in with Microsoft (MSAL, by redirect), then a device passcode: the app never sees the Microsoft
 * password, so the passcode is what seals the data on this device and unlocks it offline.
 */
export function EntraSignIn({
  settings,
  onSignedIn,
  lockedUser,
}: {
  settings: EntraSettings;
  onSignedIn: (u: Unlocked) => void;
  lockedUser?: string;
}) {
  const t = useT();
  const [signed, setSigned] = useState<EntraSignedIn>();
  const [checking, setChecking] = useState(true);
  const [offline, setOffline] = useState(false);
  const [userName, setUserName] = useState(lockedUser ?? '');
  const [passcode, setPasscode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Without the network Microsoft's page cannot open: the passcode form straight away, with what it can do.
  const reachable = useReachable();
  const offlineNow = offline || reachable === false;

  // Back from Microsoft's page (or still signed in there): the token for the API.
  useEffect(() => {
    entra()
      .then((m) => m.completeEntraSignIn(settings))
      .then(
        (result) => {
          setSigned(result);
          if (result) setUserName(result.userName);
        },
        () => navigator.onLine && setError(t('signIn.failed')),
      )
      .finally(() => setChecking(false));
  }, [settings]);

  const start = async () => {
    setError('');
    setBusy(true);
    try {
      await (await entra()).startEntraSignIn(settings);
    } catch {
      // The authority is out of reach: the passcode can still open what this device holds.
      setOffline(true);
      setBusy(false);
    }
  };

  const unlock = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      if (!signed && !(await Vault.exists(userName))) throw new Error(t('signIn.noConnection'));
      const vault = await Vault.open(userName, passcode);
      let session: Session | undefined;
      if (signed) {
        session = {
          user_name: signed.userName,
          token: signed.accessToken,
          expires_at: signed.expiresAt,
          country_codes: [],
          token_scope: 'entra',
        };
        await vault.put('meta', 'session', session);
      } else session = await vault.get<Session>('meta', 'session');
      onSignedIn({ userName, vault, session, entra: settings });
    } catch (e) {
      setError(e instanceof WrongPassword || e instanceof Error ? e.message : t('signIn.failed'));
    } finally {
      setBusy(false);
    }
  };

  if (checking) return null;
  if (!signed && !offlineNow)
    return (
      <>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button type="button" onClick={() => void start()} disabled={busy}>
          {t('signIn.microsoft')}
        </button>
      </>
    );
  return (
    <form onSubmit={unlock}>
      {signed ? (
        <p role="status">{t('signIn.signedInAs', { user: signed.userName })}</p>
      ) : (
        <>
          <p role="status">{t('signIn.offlineUnlock')}</p>
          <UserNameInput value={userName} onInput={setUserName} />
        </>
      )}
      <label for="passcode">{t('signIn.passcode')}</label>
      <p class="hint">{t('signIn.passcodeHint')}</p>
      <input
        id="passcode"
        type="password"
        autocomplete="current-password"
        minLength={6}
        value={passcode}
        onInput={(e) => setPasscode(e.currentTarget.value)}
        required
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('signIn.unlock')}
      </button>
      {!signed && <OfflineSignInHint userName={userName} unlockedBy="passcode" />}
    </form>
  );
}
