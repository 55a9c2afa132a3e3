import { languageName, useLocale, useT } from '../i18n/locale';

/** The country's languages, each named in itself; choosing Arabic turns the whole app right-to-left. */
export function LanguageSwitcher() {
  const { locale, available, setLocale } = useLocale();
  const t = useT();
  if (available.length < 2) return null;
  return (
    <div class="language">
      {/* "Language" stays in English too: someone who switched by mistake finds the way back. */}
      <label for="language">{locale.startsWith('en') ? t('language') : `${t('language')} · Language`}</label>
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
