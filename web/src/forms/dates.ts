/**
 * Dates in the user's language and calendar conventions: `2026-12-02` reads "2 déc. 2026" in French and
 * "٢ ديسمبر ٢٠٢٦" in Arabic. A date-only value is shown as that day, whatever the device's time zone.
 */
export function formatDate(value: string, locale: string, withTime = false): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(withTime && !dateOnly ? { timeStyle: 'short' } : {}),
      ...(dateOnly ? { timeZone: 'UTC' } : {}),
    }).format(date);
  } catch {
    return value;
  }
}
