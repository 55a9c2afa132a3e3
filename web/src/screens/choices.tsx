import { useT } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';

/** The `<option>`s of a choice the app itself asks (the new-case form, the list filters), named in the language. */
function Options({ values, prefix, empty }: { values: string[]; prefix: string; empty: MessageKey }) {
  const t = useT();
  return (
    <>
      <option value="">{t(empty)}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${prefix}.${v}` as MessageKey)}
        </option>
      ))}
    </>
  );
}

export const SexOptions = ({ empty }: { empty: MessageKey }) => (
  <Options values={['female', 'male', 'other', 'unknown']} prefix="sex" empty={empty} />
);
export const RiskOptions = ({ empty }: { empty: MessageKey }) => (
  <Options values={['high', 'medium', 'low']} prefix="risk" empty={empty} />
);
