import { randomUUID, createHash } from 'node:crypto';
import { z } from 'zod';
import { can, type Principal } from '../auth/principal';
import type { RecordDeps } from '../records/recordDeps';
import type { CaseDocument } from '../records/recordDocument';
import { revisedRecord } from '../records/recordRevision';
import { caseKind } from '../cases/caseKind';
import { writeCase } from '../cases/caseWriter';
import { forbidden, notFound, unprocessable } from '../errors';
import { alertTally, sameTally } from '../records/alertSubjects';
import type { AlertStore } from '../reminders/alertStore';
import { rule } from '../messages/schemaMessages';
import { msg } from '../messages/catalogue';

export const approvalTypes = ['assessment', 'case_plan', 'closure', 'action_plan', 'gbv_closure'] as const;
export type ApprovalType = (typeof approvalTypes)[number];

export const approvalSchema = z
  .object({
    data: z
      .object({
        approval_status: z.enum(['requested', 'approved', 'rejected']),
        notes: z
          .string()
          .max(2000, rule('too_long', { max: 2000 }))
          .optional(),
      })
      .strict(),
  })
  .strict();

type Entry = Record<string, unknown>;

/**
 * PATCH /cases/{id}/approvals/{type}: a caseworker requests approval (request_approval_<type>), a supervisor
 * approves or rejects a pending request (approve_<type>). Each step is kept in approval_subforms and the
 * current state in approval_status_<type>; an approved closure closes the case. A request alerts the case.
 */
export async function changeApproval(
  deps: RecordDeps & { alerts: AlertStore },
  principal: Principal,
  recordId: string,
  type: string,
  input: z.infer<typeof approvalSchema>['data'],
): Promise<CaseDocument> {
  if (!(approvalTypes as readonly string[]).includes(type)) throw notFound('No such approval');
  const requesting = input.approval_status === 'requested';
  const action = requesting ? `request_approval_${type}` : `approve_${type}`;
  const [settings, roles] = await Promise.all([
    deps.settings.get(principal.countryCode),
    deps.roles.current(principal.countryCode),
  ]);
  const entryId = randomUUID();
  // A decided request alerts no one any more: its alert leaves with the decision, the record's tally in the
  // same write (one history entry, the decision's), the alert itself once that write is stored.
  const all = requesting ? [] : await deps.alerts.forRecord(principal.countryCode, recordId);
  const done = all.filter((a) => a.alert_for === 'approval' && a.form_unique_id === type);
  const saved = await writeCase(deps, principal, {
    id: recordId,
    action: 'read',
    ifMatch: null,
    change: (doc, now) => {
      // Checked here rather than by writeCase, so that the message can name the permission.
      if (!can(principal, 'cases', action))
        throw forbidden(
          msg(requesting ? 'may_not_request_approval' : 'may_not_approve', {
            type: type.replaceAll('_', ' '),
          }),
        );
      if (!doc.enabled)
        throw unprocessable([{ detail: 'enabled', ...msg('record_disabled', { kind: 'case' }) }]);
      const current = doc[`approval_status_${type}`];
      if (!requesting && current !== 'requested')
        throw unprocessable([{ detail: 'approval_status', ...msg('approval_not_pending', { type }) }]);
      if (requesting && current === 'requested')
        throw unprocessable([{ detail: 'approval_status', ...msg('approval_already_pending', { type }) }]);
      const entry: Entry = {
        unique_id: entryId,
        approval_requested_for: type,
        approval_status: input.approval_status,
        approval_date: now.toISOString(),
        ...(input.notes ? { approval_manager_comments: input.notes } : {}),
        [requesting ? 'requested_by' : 'approved_by']: principal.user.user_name,
      };
      const closing = input.approval_status === 'approved' && (type === 'closure' || type === 'gbv_closure');
      const next = revisedRecord(
        caseKind,
        doc,
        closing ? { status: 'closed' } : {},
        settings,
        principal,
        now,
        roles,
      );
      next.approval_subforms = [...((doc.approval_subforms as Entry[]) ?? []), entry];
      next[`approval_status_${type}`] = input.approval_status;
      if (done.length > 0) Object.assign(next, alertTally(all.filter((a) => !done.includes(a))));
      return revisedRecord(caseKind, next, {}, settings, principal, now, roles); // the stage follows the new approval state
    },
  });
  if (!requesting) {
    for (const alert of done) await deps.alerts.delete(saved.country_code, saved.id, alert.id);
    return saved;
  }
  const id = createHash('sha256').update(`${saved.id}|approval|${entryId}`).digest('hex').slice(0, 32);
  await deps.alerts.create({
    id,
    unique_id: id,
    type: 'alert',
    country_code: saved.country_code,
    record_id: saved.id,
    record_type: 'case',
    alert_for: 'approval',
    form_unique_id: type,
    date: saved.last_updated_at.slice(0, 10),
    user_name: saved.owned_by,
    created_at: saved.last_updated_at,
  });
  const tally = alertTally(await deps.alerts.forRecord(saved.country_code, saved.id));
  return writeCase(deps, principal, {
    id: saved.id,
    action: 'read',
    ifMatch: null,
    change: (doc) => (sameTally(doc, tally) ? undefined : { ...doc, ...tally }),
  });
}
