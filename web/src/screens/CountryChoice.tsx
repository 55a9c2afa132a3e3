import { useState } from 'preact/hooks';
import { countryName, workIn, type Unsent } from '../deviceCountry';
import { listOf, useLocale, useT } from '../i18n/locale';
import type { Vault } from '../vault';
import { useOneAtATime } from './oneAtATime';

/**
 * For a user of several countries, after sign-in: which one to work in. The device's own country comes
 * first; another replaces its data on the device, refused while anything typed there is still unsent.
 */
export function CountryChoice(props: {
  codes: string[];
  vault: Vault;
  /** The country the device holds now, if any. */
  holding?: string;
  /** `switched`: from another country's data (see deviceCountry.ts). */
  onChosen: (code: string, switched: boolean) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const ordered = [...props.codes].sort((a, b) =>
    a === props.holding
      ? -1
      : b === props.holding
        ? 1
        : countryName(a, locale).localeCompare(countryName(b, locale), locale),
  );
  const [code, setCode] = useState(ordered[0] ?? '');
  const [refused, setRefused] = useState<{ holding: string; chosen: string; unsent: Unsent }>();
  const { busy, run } = useOneAtATime();
  const submit = () =>
    run(async () => {
      setRefused(undefined);
      const outcome = await workIn(props.vault, code);
      if (outcome.ok) return props.onChosen(code, outcome.switched);
      setRefused({ holding: outcome.holding, chosen: code, unsent: outcome.unsent });
    });
  // Said by what is left and what to do about it: sending needs the network, a case's edits a Save or a
  // Discard, and the user needs to know which case.
  const left = (u: Unsent) => [
    ...(u.changes ? [t('country.unsentChanges', { n: u.changes })] : []),
    ...(u.files ? [t('country.unsentFiles', { n: u.files })] : []),
    ...(u.edited.length ? [t('country.unsentEdited', { names: listOf(locale, u.edited) })] : []),
    ...(u.newCase ? [t('country.unsentNewCase')] : []),
  ];
  return (
    <main class="signin">
      <h1>{t('country.title')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label for="country">{t('country.label')}</label>
        <select id="country" value={code} onChange={(e) => setCode(e.currentTarget.value)}>
          {ordered.map((c) => (
            <option key={c} value={c}>
              {countryName(c, locale)}
            </option>
          ))}
        </select>
        <p class="hint">{t('country.hint')}</p>
        {refused && (
          <div role="alert" class="error">
            <p>
              {t('country.unsent', {
                holding: countryName(refused.holding, locale),
                chosen: countryName(refused.chosen, locale),
              })}
            </p>
            <ul>
              {left(refused.unsent).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" disabled={busy}>
          {t('country.continue')}
        </button>
      </form>
    </main>
  );
}
