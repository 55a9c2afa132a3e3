import { useState } from 'preact/hooks';
import type { CaseRecord } from '../api';
import { APPROVAL_TYPES, can, casework, type Me } from '../caseworkApi';
import { formatDate, named, sentence, useLocale, useT } from '../i18n/locale';

/** One step of an approval as the server keeps it (approval_subforms, docs/api.md). */
interface ApprovalStep {
  approval_requested_for?: string;
  approval_status?: string;
  approval_date?: string;
  approval_manager_comments?: string;
  requested_by?: string;
  approved_by?: string;
}

const STEP_TEXTS = {
  requested: 'approvals.step.requested',
  approved: 'approvals.step.approved',
  rejected: 'approvals.step.rejected',
} as const;

interface Props {
  record: CaseRecord;
  me?: Me;
  /** The casework place the case was opened at: `approvals` opens the box. */
  at?: string;
  act: (work: () => Promise<unknown>, done: string) => Promise<unknown>;
}

/**
 * Caseworkers request; supervisors (approve_<type>) approve or reject what is pending. Requesting is for the
 * case's own workers: a supervisor's role can request too (for cases of their own), but on a caseworker's
 * case the request is the caseworker's to make. Each approval shows its steps: who asked and decided, when,
 * and what they wrote — the supervisor reads the request's reasons, the caseworker the decision's.
 */
export function Approvals({ record, me, at, act }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const [notes, setNotes] = useState('');
  const worksOnIt =
    !!me &&
    (record.owned_by === me.user_name ||
      ((record.assigned_user_names as string[] | undefined) ?? []).includes(me.user_name));
  const steps = (record.approval_subforms as ApprovalStep[] | undefined) ?? [];
  const rows = APPROVAL_TYPES.map((type) => ({
    type,
    name: named(t, 'approval', type),
    status: record[`approval_status_${type}`] as string | undefined,
    steps: steps.filter((s) => s.approval_requested_for === type),
    mayRequest: worksOnIt && can(me, 'cases', `request_approval_${type}`),
    mayApprove: can(me, 'cases', `approve_${type}`),
  })).filter((r) => r.mayRequest || (r.mayApprove && r.status === 'requested') || r.status);
  if (!rows.length) return null;
  const stepText = (s: ApprovalStep) => {
    const key = STEP_TEXTS[s.approval_status as keyof typeof STEP_TEXTS];
    if (!key) return undefined;
    const step = t(key, {
      by: s.requested_by ?? s.approved_by ?? '',
      date: s.approval_date ? formatDate(locale, s.approval_date) : '',
    });
    return s.approval_manager_comments
      ? t('approvals.withComment', { step, text: s.approval_manager_comments })
      : step;
  };
  const decide = (type: string, status: 'approved' | 'rejected' | 'requested', done: string) =>
    void act(() => casework.approval(record.id, type, status, notes), sentence(locale, done));
  return (
    <details
      id="at-approvals"
      open={at === 'approvals' || rows.some((r) => r.status === 'requested' && r.mayApprove)}
    >
      <summary>{t('approvals.title')}</summary>
      <label for="approval-notes">{t('approvals.comments')}</label>
      <input id="approval-notes" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      <ul class="list">
        {rows.map((r) => (
          <li key={r.type} class="item">
            <span>
              {sentence(
                locale,
                t('approvals.row', {
                  type: r.name,
                  status: r.status ? named(t, 'approvalStatus', r.status) : t('approvals.notRequested'),
                }),
              )}
            </span>
            {r.steps.map(stepText).map(
              (text, i) =>
                text && (
                  <span key={i} class="muted">
                    {text}
                  </span>
                ),
            )}
            {r.status === 'requested' && r.mayApprove ? (
              <span class="inline">
                <button
                  type="button"
                  onClick={() => decide(r.type, 'approved', t('approvals.approved', { type: r.name }))}
                >
                  {t('approvals.approve', { type: r.name })}
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => decide(r.type, 'rejected', t('approvals.rejected', { type: r.name }))}
                >
                  {t('approvals.reject', { type: r.name })}
                </button>
              </span>
            ) : (
              r.mayRequest &&
              r.status !== 'requested' && (
                <button
                  type="button"
                  onClick={() => decide(r.type, 'requested', t('approvals.requested', { type: r.name }))}
                >
                  {t('approvals.request', { type: r.name })}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
