/**
 * The locale a user reads dates in: their own, with the country as region when it names none, so that a
 * caseworker in Ghana with `en` reads "1 Dec 2026" (en-GH), not the American "Dec 1, 2026".
 */
export function dateLocale(userLocale: string | undefined, countryCode: string): string {
  const language = userLocale ?? 'en';
  const wanted = language.includes('-') ? language : `${language}-${countryCode}`;
  return Intl.DateTimeFormat.supportedLocalesOf([wanted, language])[0] ?? 'en';
}

/** A calendar date (YYYY-MM-DD, already local to the country) as a person reads it: "1 Dec 2026". */
export function readableDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return date;
  // The date is already the country's; formatting it at UTC midnight in UTC keeps the day as entered.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
