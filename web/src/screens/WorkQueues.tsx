import { useEffect, useState } from 'preact/hooks';
import { api, everyPage, type CaseRecord } from '../api';
import { APPROVAL_TYPES, can, type Me } from '../caseworkApi';
import { sentence, useLocale, useT } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';

interface Waiting {
  record: CaseRecord;
  why: string;
  at?: string;
}
// The flagged cases changed last; the count says how many there are in all.
const FLAGGED_SHOWN = 20;

interface StoredTransition {
  type: string;
  status: string;
  transitioned_to: string;
}

/**
 * The home screen's queues beyond tasks: approvals waiting for this user, transfers and referrals to
 * accept, flagged cases. Each is read from the cases the user can see (the server scopes the list).
 */
export function WorkQueues({
  online,
  me,
  onOpen,
  onListFlagged,
}: {
  online: boolean;
  me?: Me;
  onOpen: (id: string, at?: string) => void;
  /** The Cases list with every flagged case, whatever its status. */
  onListFlagged: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [approvals, setApprovals] = useState<Waiting[]>();
  const [incoming, setIncoming] = useState<Waiting[]>();
  const [flagged, setFlagged] = useState<{ data: CaseRecord[]; total: number }>();
  useEffect(() => {
    if (!online || !me) return;
    // Every open case in scope, not the latest few: an approval asked for weeks ago still waits. Only
    // the fields the queues read, so that a large caseload stays a small download.
    const open = new URLSearchParams({
      status: 'open',
      order_by: 'last_updated_at',
      fields: [
        'name',
        'case_id_display',
        'transitions',
        ...APPROVAL_TYPES.map((a) => `approval_status_${a}`),
      ].join(','),
    });
    everyPage<CaseRecord>('/cases', open).then(
      ({ data }) => {
        setApprovals(
          data.flatMap((record) =>
            APPROVAL_TYPES.filter(
              (a) => record[`approval_status_${a}`] === 'requested' && can(me, 'cases', `approve_${a}`),
            ).map((a) => ({
              record,
              why: sentence(locale, t('queues.approvalWhy', { type: t(`approval.${a}` as MessageKey) })),
              at: 'approvals',
            })),
          ),
        );
        setIncoming(
          data.flatMap((record) =>
            ((record.transitions as StoredTransition[] | undefined) ?? [])
              .filter(
                (tr) =>
                  tr.status === 'in_progress' && tr.transitioned_to === me.user_name && tr.type !== 'assign',
              )
              .map((tr) => ({
                record,
                why: t(tr.type === 'transfer' ? 'queues.transferWhy' : 'queues.referralWhy'),
                at: 'incoming',
              })),
          ),
        );
      },
      () => undefined,
    );
    api
      .cases(
        new URLSearchParams({ per: String(FLAGGED_SHOWN), flagged: 'true', order_by: 'last_updated_at' }),
      )
      .then(
        ({ data, metadata }) => setFlagged({ data, total: metadata.total }),
        () => undefined,
      );
  }, [online, me]);

  const row = (r: CaseRecord, why: string, key: string, at?: string) => (
    <li key={key}>
      <button class="row" onClick={() => onOpen(r.id, at)}>
        <span>{r.name ?? r.case_id_display}</span>
        <span class="badge">
          {why} · {r.case_id_display}
        </span>
      </button>
    </li>
  );
  return (
    <>
      {approvals && approvals.length > 0 && (
        <section aria-labelledby="approvals-title">
          <h2 id="approvals-title">{t('queues.approvals')}</h2>
          <ul class="list">{approvals.map((a, i) => row(a.record, a.why, `a${i}`, a.at))}</ul>
        </section>
      )}
      {incoming && incoming.length > 0 && (
        <section aria-labelledby="incoming-title">
          <h2 id="incoming-title">{t('queues.incoming')}</h2>
          <ul class="list">{incoming.map((a, i) => row(a.record, a.why, `t${i}`, a.at))}</ul>
        </section>
      )}
      {flagged && (
        <section aria-labelledby="flagged-title">
          <h2 id="flagged-title">{t('queues.flagged')}</h2>
          {flagged.data.length ? (
            <>
              <p>{t('queues.flaggedCount', { n: flagged.total })}</p>
              <ul class="list">{flagged.data.map((r) => row(r, t('queues.flaggedWhy'), r.id))}</ul>
              {flagged.total > flagged.data.length && (
                <p class="hint">
                  {t('queues.flaggedMore', { shown: flagged.data.length })}{' '}
                  <button type="button" class="secondary" onClick={onListFlagged}>
                    {t('queues.flaggedAll')}
                  </button>
                </p>
              )}
            </>
          ) : (
            <p>{t('queues.noFlagged')}</p>
          )}
        </section>
      )}
    </>
  );
}
