import { useState } from 'preact/hooks';
import { api, ApiError, NetworkError, setToken, type Session } from '../api';
import { useT } from '../i18n/locale';
import { Vault, WrongPassword } from '../vault';
import { TotpEnrolment } from './TotpEnrolment';

export interface Unlocked {
  userName: string;
  vault: Vault;
  session?: Session;
}

/** User name and password; a verification code when the server asks for one; offline, the device unlocks. */
export function SignIn({
  onSignedIn,
  notice,
  lockedUser,
}: {
  onSignedIn: (u: Unlocked) => void;
  /** Why the app is back here (locked when idle, account disabled). */
  notice?: string;
  /** The user of a locked session: the password unlocks it again. */
  lockedUser?: string;
}) {
  const [userName, setUserName] = useState(lockedUser ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // An account whose role requires 2FA and has none yet: the token is good for enrolment only.
  const [enrolling, setEnrolling] = useState(false);
  const [enrolled, setEnrolled] = useState(false);
  const t = useT();

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      let session: Session | undefined;
      try {
        session = await api.signIn(userName, password, needsCode ? code : undefined);
        if (session.token_scope === 'totp_enrolment') {
          setToken(session.token);
          setEnrolling(true);
          return;
        }
      } catch (e) {
        // Offline: the password opens the data already on this device, or nothing.
        if (!(e instanceof NetworkError) || !(await Vault.exists(userName))) throw e;
      }
      const vault = await Vault.open(userName, password);
      if (session) await vault.put('meta', 'session', session);
      else session = await vault.get<Session>('meta', 'session');
      onSignedIn({ userName, vault, session });
    } catch (e) {
      // The server answers a missing code like a wrong password (nothing to learn about the account),
      // so after a refusal the code field is offered for accounts that have 2FA.
      if (e instanceof ApiError && e.status === 401 && !needsCode) {
        setNeedsCode(true);
        setError(t('signIn.askCode', { message: e.message }));
      } else if (e instanceof ApiError || e instanceof WrongPassword) setError(e.message);
      else if (e instanceof NetworkError) setError(t('signIn.noConnection'));
      else setError(t('signIn.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="signin">
      <h1>Primero</h1>
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      {enrolling ? (
        <TotpEnrolment
          onEnabled={() => {
            // 2FA is on; the code just used cannot sign in again, so the next one finishes the sign-in.
            setToken(undefined);
            setEnrolling(false);
            setEnrolled(true);
            setNeedsCode(true);
            setCode('');
          }}
        />
      ) : (
        <form onSubmit={submit}>
          <label for="user_name">{t('signIn.userName')}</label>
          <input
            id="user_name"
            autocomplete="username"
            value={userName}
            onInput={(e) => setUserName(e.currentTarget.value)}
            required
          />
          <label for="password">{t('signIn.password')}</label>
          <input
            id="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
          {needsCode && (
            <>
              <label for="totp_code">{t('signIn.code')}</label>
              {enrolled && <p role="status">{t('enrol.done')}</p>}
              <p class="hint">{t('signIn.codeHint')}</p>
              <input
                id="totp_code"
                inputMode="numeric"
                autocomplete="one-time-code"
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            </>
          )}
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t(needsCode ? 'signIn.verify' : 'signIn.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
