import type { ComponentChildren } from 'preact';
import { useT } from '../i18n/locale';

/**
 * The 6-digit code of an authenticator app, as sign-in and 2FA enrolment ask for it: numeric keypad on
 * phones, and the code the phone offers from a message or the app filled in (`one-time-code`).
 */
export function CodeInput({
  id,
  label,
  value,
  onInput,
  required,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  required?: boolean;
  /** Shown between the label and the field (a hint, a status). */
  children?: ComponentChildren;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      {children}
      <input
        id={id}
        inputMode="numeric"
        autocomplete="one-time-code"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        required={required}
      />
    </>
  );
}

/** The account's user name, as every sign-in form asks for it (the browser offers saved accounts). */
export function UserNameInput({ value, onInput }: { value: string; onInput: (value: string) => void }) {
  const t = useT();
  return (
    <>
      <label for="user_name">{t('signIn.userName')}</label>
      <input
        id="user_name"
        autocomplete="username"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        required
      />
    </>
  );
}
