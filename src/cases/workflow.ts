import { randomUUID } from 'node:crypto';
import type { RecordRoles } from '../forms/fieldRoles';
import { stampClosure } from '../records/closure';
import { isImplemented } from '../reminders/reminderRules';

type Fields = Record<string, unknown>;
type Entry = Record<string, unknown>;

export interface WorkflowContext {
  previous: Fields;
  userName: string;
  now: Date;
  /** The country's local date. */
  today: string;
  /** The fields playing the workflow's roles in the case's forms. */
  roles: RecordRoles;
}

const entries = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : []);

/**
 * Status changes and the workflow stage, recomputed on every save as Primero does: closing stamps the
 * closure date; reopening a closed case is logged; a new service on a closed case reopens it; the stage
 * follows the furthest step the case has reached. Each field is the one playing its role in the forms.
 */
export function applyWorkflow(next: Fields, ctx: WorkflowContext): void {
  const f = ctx.roles.fields;
  const wasClosed = ctx.previous.status === 'closed';
  const services = f.services_subform;
  const newServices =
    services === undefined
      ? []
      : entries(next[services]).filter(
          (s) => !entries(ctx.previous[services]).some((p) => p.unique_id === s.unique_id),
        );
  if (wasClosed && next.status === 'closed' && newServices.length > 0) next.status = 'open';
  stampClosure(next, ctx.previous, ctx.today, f.closure_date);
  if (wasClosed && next.status !== 'closed') {
    next.reopened_logs = [
      ...entries(ctx.previous.reopened_logs),
      { unique_id: randomUUID(), reopened_date: ctx.now.toISOString(), reopened_user: ctx.userName },
    ];
  }
  next.workflow = stage(next, f);
}

function stage(c: Fields, f: RecordRoles['fields']): string {
  if (c.status === 'closed') return 'closed';
  const services = f.services_subform === undefined ? [] : entries(c[f.services_subform]);
  if (services.length > 0) {
    const implemented = f.service_implemented;
    return services.every((s) => implemented !== undefined && isImplemented(s[implemented]))
      ? 'services_implemented'
      : 'service_provision';
  }
  const value = (field: string | undefined) => (field === undefined ? undefined : c[field]);
  if (value(f.case_plan_started_on) || c.approval_status_case_plan === 'approved') return 'case_plan';
  if (value(f.assessment_started_on) || c.approval_status_assessment === 'approved') return 'assessment';
  if (entries(c.reopened_logs).length > 0) return 'reopened';
  return 'new';
}
