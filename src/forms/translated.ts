import { z } from 'zod';
import { rule } from '../messages/schemaMessages';

/** A locale code as Primero writes them (`en`, `fr`, `ar`, `pt-BR`). */
export const localeCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a locale code such as en or fr');

/** Right-to-left locales clients must flag (Primero's list). */
export const rtlLocales = ['ar', 'fa', 'ku', 'ur'] as const;

/**
 * A text per locale, stored and sent as `{"en": "...", "fr": "..."}` (Primero's `name_i18n` without the
 * suffix). Stored with the locales it has; presented with exactly the country's locales.
 */
export const translated = (max = 500) => z.record(localeCode, z.string().max(max, rule('too_long', { max })));
export type Translated = Record<string, string>;

/** Every configured locale present, '' where untranslated (clients fall back to the default locale). */
export function presentTranslated(text: Translated | undefined, locales: readonly string[]): Translated {
  return Object.fromEntries(locales.map((locale) => [locale, text?.[locale] ?? '']));
}

/** The text in `locale`, else in the default locale, else ''. */
export function inLocale(text: Translated | undefined, locale: string, defaultLocale: string): string {
  return text?.[locale] || text?.[defaultLocale] || '';
}
