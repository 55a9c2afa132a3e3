import { useState } from 'preact/hooks';
import { api, ApiError, NetworkError, setToken, type Session } from '../api';
import { useT } from '../i18n/locale';
import { Vault, WrongPassword } from '../vault';
import { CodeInput, UserNameInput } from './SignInInputs';
import { EntraSignIn } from './EntraSignIn';
import { OfflineSignInHint } from './OfflineSignInHint';
import { TotpEnrolment } from './TotpEnrolment';
import type { Unlocked } from './unlocked';
import { useReachable } from './useReachable';
import { useSignInProvider } from './useSignInProvider';

interface SignInProps {
  onSignedIn: (u: Unlocked) => void;
  /** Why the app is back here (locked when idle, account disabled). */
  notice?: string;
  /** The user of a locked session: the password (with Entra, the device passcode) unlocks it again. */
  lockedUser?: string;
}

/** The deployment's sign-in: Microsoft's when GET /identity_providers says entra, else the built-in one. */
export function SignIn(props: SignInProps) {
  const provider = useSignInProvider();
  return (
    <main class="signin">
      <h1>Primero</h1>
      {props.notice && (
        <p role="status" class="notice">
          {props.notice}
        </p>
      )}
      {provider === 'primero' && <BuiltInSignIn {...props} />}
      {provider && provider !== 'primero' && (
        <EntraSignIn settings={provider} onSignedIn={props.onSignedIn} lockedUser={props.lockedUser} />
      )}
    </main>
  );
}

/** User name and password; a verification code when the server asks for one; offline, the device unlocks. */
function BuiltInSignIn({ onSignedIn, lockedUser }: SignInProps) {
  const [userName, setUserName] = useState(lockedUser ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // An account whose role requires 2FA and has none yet: the token is good for enrolment only.
  const [enrolling, setEnrolling] = useState(false);
  const [enrolled, setEnrolled] = useState(false);
  const online = useReachable();
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

  return enrolling ? (
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
      <UserNameInput value={userName} onInput={setUserName} />
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
          <CodeInput id="totp_code" label={t('signIn.code')} value={code} onInput={setCode}>
            {enrolled && <p role="status">{t('enrol.done')}</p>}
            <p class="hint">{t('signIn.codeHint')}</p>
          </CodeInput>
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
      {/* Below the button: on a phone the fields and the button stay in view above it. */}
      {online === false && <OfflineSignInHint userName={userName} />}
    </form>
  );
}
