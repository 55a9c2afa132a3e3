import { zoneFormat } from '../countries/zoneFormat';

const PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

/** Minutes the zone is ahead of UTC at instant `t`. */
function offsetMs(t: number, timeZone: string): number {
  const parts = zoneFormat('en-US', timeZone, PARTS).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - t;
}

/** The instant a local date (YYYY-MM-DD) begins in a time zone, daylight saving included. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let t = guess - offsetMs(guess, timeZone);
  t = guess - offsetMs(t, timeZone);
  return new Date(t);
}

export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** When something due on a local date becomes overdue: the start of the next local day. */
export const overdueFrom = (date: string, timeZone: string) => startOfLocalDay(nextDay(date), timeZone);

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
export const localDate = (instant: string | Date, timeZone: string) =>
  zoneFormat('en-CA', timeZone, {}).format(new Date(instant));
