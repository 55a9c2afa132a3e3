import { useState } from 'preact/hooks';
import { countryName, workIn } from '../deviceCountry';
import { useLocale, useT } from '../i18n/locale';
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
  const [error, setError] = useState('');
  const { busy, run } = useOneAtATime();
  const submit = () =>
    run(async () => {
      setError('');
      const outcome = await workIn(props.vault, code);
      if (outcome.ok) return props.onChosen(code, outcome.switched);
      setError(
        t('country.unsent', {
          n: outcome.unsent,
          holding: countryName(outcome.holding, locale),
          chosen: countryName(code, locale),
        }),
      );
    });
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
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('country.continue')}
        </button>
      </form>
    </main>
  );
}
