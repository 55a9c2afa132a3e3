import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { formatDate as formatValueDate } from '../forms/dates';
import type { Locales } from '../forms/types';
import { en, translate, type MessageKey, type Vars } from './messages';

export { translate };

/** The language the user reads the app in, chosen among the country's locales (GET /system_settings). */
export interface LocaleState extends Locales {
  rtl: boolean;
  /** The country's locales, for the language switcher (empty until the settings are known). */
  available: string[];
  setLocale: (locale: string) => void;
}

export const LocaleContext = createContext<LocaleState>({
  locale: 'en',
  fallback: 'en',
  rtl: false,
  available: [],
  setLocale: () => undefined,
});
export const useLocale = () => useContext(LocaleContext);

// A preference, not record data: it may live in localStorage and applies before sign-in.
const KEY = 'primero-locale';
export const savedLocale = () => localStorage.getItem(KEY) ?? undefined;
export const saveLocale = (locale: string) => localStorage.setItem(KEY, locale);

const RTL = ['ar', 'fa', 'ku', 'ur'];
export const isRtl = (locale: string, rtlLocales: string[] = RTL) =>
  rtlLocales.includes(locale.split('-')[0] ?? '');

/** The whole page follows the language: `lang` for screen readers and fonts, `dir` for the layout. */
export function applyToDocument(locale: string, rtl: boolean) {
  document.documentElement.lang = locale;
  document.documentElement.dir = rtl ? 'rtl' : 'ltr';
}

/** A language named in itself ("العربية", "français"), as people look for their own. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The saved choice if the country has it, else the browser's language if it has that, else its default. */
export function pickLocale(locales: string[], defaultLocale: string): string {
  const saved = savedLocale();
  if (saved && locales.includes(saved)) return saved;
  const browser = (navigator.language || '').split('-')[0] ?? '';
  return locales.includes(browser) ? browser : defaultLocale;
}

/** The app's texts in the chosen language: `const t = useT(); t('home.title')`. */
export function useT() {
  const { locale } = useLocale();
  return (key: MessageKey, vars?: Vars) => translate(locale, key, vars);
}

/**
 * A value the server names (a task type, an approval type, what an alert is for) in the language on screen,
 * from the text `<prefix>.<value>`; one the app has no text for reads as its words ("home_visit" → "home visit").
 */
export function named(t: ReturnType<typeof useT>, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in en ? t(key as MessageKey) : value.replace(/_/g, ' ');
}

/** A date (an ISO day or instant) as the language writes it (the screens' argument order); an instant with its time on request. */
export const formatDate = (locale: string, iso: string, withTime = false): string =>
  formatValueDate(iso, locale, withTime);

/** A text that opens a sentence or a line ("case plan approved." → "Case plan approved."), as the language capitalises. */
export const sentence = (locale: string, text: string): string =>
  text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** Items named in a row as the language lists them ("a, b, and c"; "a و b" in Arabic, not "a, b"). */
export const listOf = (locale: string, items: string[]) => new Intl.ListFormat(locale).format(items);
