import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { unprocessable } from '../errors';
import { mergeChanges } from '../records/mergeChanges';
import { subforms } from './schema';
import { applyWorkflow } from './workflow';
import { withReminders } from '../reminders/reminderRules';

const subformKeys = new Set(Object.keys(subforms));
const stampedNoteFields = new Set(['note_date', 'note_created_by']);

/** Applies client changes to a case's fields: subform merge, note stamps. */
export function applyCaseChanges(
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
  principal: Principal,
  now: Date,
): Record<string, unknown> {
  return mergeChanges(current, changes, {
    subformKeys,
    protectedEntryFields: stampedNoteFields,
    onNewEntry: (subform, entry) => {
      if (subform !== 'notes_section') return;
      if (typeof entry.note_text !== 'string' || entry.note_text.trim() === '') {
        throw unprocessable([{ detail: 'notes_section.note_text', message: 'is required for a new note' }]);
      }
      entry.note_date = now.toISOString();
      entry.note_created_by = principal.user.user_name;
    },
  });
}

/**
 * Fields computed from others on every save: age from date of birth (as of the country's today), and the
 * status and workflow rules (see workflow.ts).
 */
export function deriveCaseFields(
  fields: Record<string, unknown>,
  today: string,
  change: {
    previous: Record<string, unknown>;
    principal: Principal;
    now: Date;
    timeZone: string;
    approvalDays?: number;
  },
): void {
  applyWorkflow(fields, {
    previous: change.previous,
    userName: change.principal.user.user_name,
    now: change.now,
    today,
  });
  const dob = fields.date_of_birth;
  if (typeof dob === 'string') {
    if (dob > today) throw unprocessable([{ detail: 'date_of_birth', message: 'cannot be in the future' }]);
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
    fields.age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  }
  fields.age ??= null;
  withReminders(fields, change.timeZone, change.approvalDays);
}

export const newRecordId = () => randomUUID();
export const shortIdOf = (id: string) => id.replaceAll('-', '').slice(-7);
