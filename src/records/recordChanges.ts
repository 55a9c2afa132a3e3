import { randomUUID } from 'node:crypto';
import { msg } from '../messages/catalogue';
import type { Principal } from '../auth/principal';
import { unprocessable } from '../errors';
import { mergeChanges } from './mergeChanges';
import type { RecordKind } from './recordKind';

const stampedNoteFields = new Set(['note_date', 'note_created_by']);

/** Applies client changes to a record's fields: subform merge, note stamps. */
export function applyRecordChanges(
  kind: RecordKind,
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
  principal: Principal,
  now: Date,
  subforms: ReadonlySet<string> = kind.subforms,
): Record<string, unknown> {
  return mergeChanges(current, changes, {
    subformKeys: subforms,
    protectedEntryFields: stampedNoteFields,
    onNewEntry: (subform, entry, sent) => {
      if (subform !== 'notes_section') return;
      if (typeof entry.note_text !== 'string' || entry.note_text.trim() === '') {
        throw unprocessable([{ detail: 'notes_section.note_text', ...msg('note_text') }]);
      }
      entry.note_date = noteDate(sent.note_date, now);
      entry.note_created_by = principal.user.user_name;
    },
  });
}

/**
 * A note's date: the one the device gave it when it was written (offline, that is long before it syncs),
 * unless it is not a date or lies in the future; then the server's clock.
 */
function noteDate(sent: unknown, now: Date): string {
  const at = typeof sent === 'string' && ISO_INSTANT.test(sent) ? new Date(sent) : undefined;
  return at && !Number.isNaN(at.getTime()) && at <= now ? at.toISOString() : now.toISOString();
}
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Nobody alive is older: an earlier date of birth is a typing error, not a person. */
const MAX_AGE = 130;

/** Age in whole years on the country's today; a date of birth in the future or past MAX_AGE is refused. */
export function ageFrom(dateOfBirth: unknown, today: string): number | undefined {
  if (typeof dateOfBirth !== 'string') return undefined;
  if (dateOfBirth > today) throw unprocessable([{ detail: 'date_of_birth', ...msg('future') }]);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  if (age > MAX_AGE)
    throw unprocessable([{ detail: 'date_of_birth', ...msg('too_long_ago', { max: MAX_AGE }) }]);
  return age;
}

export const newRecordId = () => randomUUID();
export const shortIdOf = (id: string) => id.replaceAll('-', '').slice(-7);
