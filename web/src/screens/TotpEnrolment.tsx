import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { useT } from '../i18n/locale';
import { CodeInput } from './SignInInputs';

type QrCodeComponent = (typeof import('./QrCode'))['QrCode'];

/**
 * First-time two-factor sign-in, with the enrolment-only token the server gave: the QR code and the
 * secret as text (for apps without a camera), then the first code turns 2FA on. The server accepts a
 * code once, so the caller asks for the next one to sign in for real.
 */
export function TotpEnrolment({ onEnabled }: { onEnabled: () => void }) {
  const t = useT();
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauth_url: string }>();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The QR encoder is loaded only by the few who enrol, not by every start of the app (a plain dynamic
  // import: preact/compat's lazy would add compat to the first download for this one screen).
  const [QrCode, setQrCode] = useState<{ draw: QrCodeComponent }>();
  useEffect(() => {
    void import('./QrCode').then((m) => setQrCode({ draw: m.QrCode }));
  }, []);
  useEffect(() => {
    api.startTotp().then(
      ({ data }) => setEnrolment(data),
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('signIn.failed')),
    );
  }, []);

  const confirm = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await api.verifyTotp(code.trim());
      onEnabled();
    } catch (e) {
      const field = e instanceof ApiError ? e.entries.find((x) => x.detail === 'code') : undefined;
      setError(
        field
          ? `${t('enrol.code')}: ${field.message}`
          : e instanceof ApiError
            ? e.message
            : t('signIn.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={confirm} aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('enrol.title')}</h2>
      <p>{t('enrol.intro')}</p>
      {enrolment && (
        <>
          {QrCode && <QrCode.draw text={enrolment.otpauth_url} label={t('enrol.qr')} />}
          <p>
            {t('enrol.secret')}:{' '}
            <code class="secret" dir="ltr">
              {enrolment.secret}
            </code>
          </p>
          <CodeInput id="totp_first_code" label={t('enrol.code')} value={code} onInput={setCode} required />
        </>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !enrolment}>
        {t('enrol.confirm')}
      </button>
    </form>
  );
}
