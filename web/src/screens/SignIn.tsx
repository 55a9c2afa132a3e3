import { useState } from 'preact/hooks';
import { api, ApiError, NetworkError, type Session } from '../api';
import { Vault, WrongPassword } from '../vault';

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

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      let session: Session | undefined;
      try {
        session = await api.signIn(userName, password, needsCode ? code : undefined);
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
        setError(`${e.message}. If your account uses a verification code, enter it below.`);
      } else if (e instanceof ApiError || e instanceof WrongPassword) setError(e.message);
      else if (e instanceof NetworkError) setError('No connection, and no data for this user on this device');
      else setError('Sign-in failed');
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
      <form onSubmit={submit}>
        <label for="user_name">User name</label>
        <input
          id="user_name"
          autocomplete="username"
          value={userName}
          onInput={(e) => setUserName(e.currentTarget.value)}
          required
        />
        <label for="password">Password</label>
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
            <label for="totp_code">Verification code</label>
            <p class="hint">The 6-digit code from your authenticator app.</p>
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
          {needsCode ? 'Verify' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
