import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../forms/dates';
import { useLocale, useT } from '../i18n/locale';
import { Vault } from '../vault';

/**
 * Offline, what signing in can still do: the password unlocks the copy kept on this device, and what needs
 * the network; once a user name is typed, whether this device holds that user's copy and when it last synced.
 */
export function OfflineSignInHint({
  userName,
  unlockedBy = 'password',
}: {
  userName: string;
  /** What opens the device's copy: the account's password, or the device passcode (Microsoft sign-in). */
  unlockedBy?: 'password' | 'passcode';
}) {
  const t = useT();
  const { locale } = useLocale();
  const [copy, setCopy] = useState<{ user: string; held: boolean; syncedAt?: string }>();
  useEffect(() => {
    if (!userName) return setCopy(undefined);
    let live = true;
    void Promise.all([Vault.exists(userName), Vault.syncedAtOf(userName)]).then(
      ([held, syncedAt]) => live && setCopy({ user: userName, held, syncedAt }),
    );
    return () => void (live = false);
  }, [userName]);
  const about = copy && { user: copy.user };
  return (
    <div class="notice-box" id="offline-hint">
      <p>
        <strong>{t('signIn.offlineTitle')}</strong>{' '}
        {t(unlockedBy === 'passcode' ? 'signIn.offlineCanPasscode' : 'signIn.offlineCan')}
      </p>
      <p>{t('signIn.offlineCannot')}</p>
      {about && (
        <p>
          <strong>
            {!copy.held
              ? t('signIn.offlineNoCopy', about)
              : copy.syncedAt
                ? t('signIn.offlineSynced', { ...about, time: formatDate(copy.syncedAt, locale, true) })
                : t('signIn.offlineHeld', about)}
          </strong>
        </p>
      )}
    </div>
  );
}
