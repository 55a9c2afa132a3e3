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

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A stored date-time (ISO with its offset) as a `datetime-local` input shows it: the device's own clock.
 * Cutting the stored text instead showed 09:00Z as 09:00 wherever the phone was.
 */
export function localInputOf(value: string): string {
  const date = new Date(value);
  if (!/T/.test(value) || Number.isNaN(date.getTime())) return value.slice(0, 16);
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/**
 * What a `datetime-local` input holds (`2026-12-03T10:30`, the device's clock, no offset) as the server
 * takes it: an instant with its offset. Sent as typed, the server refused every date-time.
 */
export function instantOfLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
