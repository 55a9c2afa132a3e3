import type { DeriveContext } from '../records/recordKind';
import { ageFrom } from '../records/recordChanges';
import { withReminders } from '../reminders/reminderRules';
import { applyWorkflow } from './workflow';

/**
 * Fields computed from others on every save of a case: the status and workflow rules (see workflow.ts),
 * age from date of birth (as of the country's today), and the reminders.
 */
export function deriveCaseFields(fields: Record<string, unknown>, ctx: DeriveContext): void {
  applyWorkflow(fields, {
    previous: ctx.previous,
    userName: ctx.principal.user.user_name,
    now: ctx.now,
    today: ctx.today,
    roles: ctx.roles,
  });
  const age = ageFrom(fields.date_of_birth, ctx.today);
  if (age !== undefined) fields.age = age;
  fields.age ??= null;
  withReminders(fields, ctx.settings.time_zone, ctx.roles, ctx.settings.approval_reminder_days);
}
