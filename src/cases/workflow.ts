import { randomUUID } from 'node:crypto';

type Fields = Record<string, unknown>;
type Entry = Record<string, unknown>;

export interface WorkflowContext {
  previous: Fields;
  userName: string;
  now: Date;
  /** The country's local date. */
  today: string;
}

const entries = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : []);

/**
 * Status changes and the workflow stage, recomputed on every save as Primero does: closing stamps
 * date_closure; reopening a closed case is logged; a new service on a closed case reopens it; the stage
 * follows the furthest step the case has reached.
 */
export function applyWorkflow(next: Fields, ctx: WorkflowContext): void {
  const wasClosed = ctx.previous.status === 'closed';
  const newServices = entries(next.services_section).filter(
    (s) => !entries(ctx.previous.services_section).some((p) => p.unique_id === s.unique_id),
  );
  if (wasClosed && next.status === 'closed' && newServices.length > 0) next.status = 'open';
  if (next.status === 'closed' && !wasClosed) next.date_closure ??= ctx.today;
  if (wasClosed && next.status !== 'closed') {
    next.reopened_logs = [
      ...entries(ctx.previous.reopened_logs),
      { unique_id: randomUUID(), reopened_date: ctx.now.toISOString(), reopened_user: ctx.userName },
    ];
  }
  next.workflow = stage(next);
}

function stage(c: Fields): string {
  if (c.status === 'closed') return 'closed';
  const services = entries(c.services_section);
  if (services.length > 0) {
    return services.every((s) => s.service_implemented === 'implemented')
      ? 'services_implemented'
      : 'service_provision';
  }
  if (c.date_case_plan || c.approval_status_case_plan === 'approved') return 'case_plan';
  if (c.assessment_requested_on || c.approval_status_assessment === 'approved') return 'assessment';
  if (entries(c.reopened_logs).length > 0) return 'reopened';
  return 'new';
}
