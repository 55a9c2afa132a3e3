import { languageName, useLocale } from '../i18n/locale';

/** The country's languages, each named in itself; choosing Arabic turns the whole app right-to-left. */
export function LanguageSwitcher() {
  const { locale, available, setLocale } = useLocale();
  if (available.length < 2) return null;
  return (
    <div class="language">
      <label for="language">Language</label>
      <select id="language" value={locale} onChange={(e) => setLocale(e.currentTarget.value)}>
        {available.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
