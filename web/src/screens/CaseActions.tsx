import { useEffect, useState } from 'preact/hooks';
import type { CaseRecord } from '../api';
import {
  APPROVAL_TYPES,
  can,
  casework,
  type Flag,
  type HistoryEntry,
  type Me,
  type RecordAlert,
  type Transition,
  type TransitionKind,
  type UserChoice,
} from '../caseworkApi';
import { queueEdit } from '../sync';
import type { Vault } from '../vault';

const words = (s: string) => s.replace(/_/g, ' ');
const errorText = (e: unknown) => (e instanceof Error ? e.message : 'Something went wrong');

interface Props {
  record: CaseRecord;
  me?: Me;
  vault: Vault;
  online: boolean;
  /** After a server-side action: reload the record (and sync what the device queued). */
  onChanged: () => void;
}

/** Flags, notes, approvals, sending the case on, incidents, history: everything done *to* a case. */
export function CaseActions(props: Props) {
  const { record, online } = props;
  const [message, setMessage] = useState('');
  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage('');
    try {
      await work();
      setMessage(done);
      props.onChanged();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  return (
    <section class="card" aria-labelledby="actions-title">
      <h2 id="actions-title">Casework</h2>
      {message && (
        <p role="status" class="notice">
          {message}
        </p>
      )}
      <Alerts id={record.id} online={online} />
      <Incoming id={record.id} online={online} act={act} />
      <Flags id={record.id} online={online} act={act} />
      <Notes {...props} setMessage={setMessage} />
      {online ? (
        <>
          <Approvals {...props} act={act} />
          <SendOn {...props} act={act} />
          <Incident {...props} act={act} />
          <History id={record.id} />
        </>
      ) : (
        <p class="hint">Approvals, referrals, transfers and history need a connection.</p>
      )}
    </section>
  );
}

type Act = (work: () => Promise<unknown>, done: string) => Promise<void>;

/** The case's alerts are shown once, then dismissed: seen is done. */
function Alerts({ id, online }: { id: string; online: boolean }) {
  const [alerts, setAlerts] = useState<RecordAlert[]>([]);
  useEffect(() => {
    if (!online) return;
    casework.alerts(id).then(
      ({ data }) => {
        setAlerts(data);
        for (const a of data) void casework.dismissAlert(id, a.unique_id).catch(() => undefined);
      },
      () => undefined,
    );
  }, [id, online]);
  if (!alerts.length) return null;
  return (
    <div class="alertbox" role="note" aria-label="New on this case">
      <p>New on this case (marked as seen):</p>
      <ul>
        {alerts.map((a) => (
          <li key={a.unique_id}>
            {words(a.alert_for)} · {a.date.slice(0, 10)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Transfers and referrals this user is asked to accept. */
function Incoming({ id, online, act }: { id: string; online: boolean; act: Act }) {
  const [list, setList] = useState<Transition[]>([]);
  const [reason, setReason] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!online) return;
    casework.transitions(id).then(
      ({ data }) => setList(data.filter((t) => t.user_can_accept_or_reject && t.type !== 'Assign')),
      () => undefined,
    );
  }, [id, online, tick]);
  if (!list.length) return null;
  return (
    <div class="alertbox">
      {list.map((t) => {
        const kind = t.type === 'Transfer' ? 'transfers' : 'referrals';
        const what = t.type.toLowerCase();
        const answer = (status: string) =>
          act(
            () =>
              casework.respond(id, kind, t.id, {
                status,
                ...(status === 'rejected' && kind === 'transfers' && reason
                  ? { rejected_reason: reason }
                  : {}),
              }),
            `The ${what} is ${status}.`,
          ).then(() => setTick((n) => n + 1));
        return (
          <div key={t.id}>
            <p>
              {t.transitioned_by} sent you this case ({what}){t.notes ? `: “${t.notes}”` : ''}.
            </p>
            <label for={`reason-${t.id}`}>Reason if you reject</label>
            <input id={`reason-${t.id}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            <div class="inline">
              <button type="button" onClick={() => void answer('accepted')}>
                Accept {what}
              </button>
              <button type="button" class="secondary" onClick={() => void answer('rejected')}>
                Reject {what}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}

function Flags({ id, online, act }: { id: string; online: boolean; act: Act }) {
  const [flags, setFlags] = useState<Flag[]>([]);
  const [reason, setReason] = useState('');
  const [unflagReason, setUnflagReason] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!online) return;
    casework.flags(id).then(
      ({ data }) => setFlags(data.filter((f) => !f.removed)),
      () => undefined,
    );
  }, [id, online, tick]);
  const reload = () => setTick((n) => n + 1);
  if (!online) return null;
  return (
    <details>
      <summary>Flags ({flags.length})</summary>
      <ul class="list">
        {flags.map((f) => (
          <li key={f.id} class="item">
            <span>
              ⚑ {f.message}{' '}
              <span class="muted">
                — {f.flagged_by}, {f.date}
              </span>
            </span>
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void act(
                  () => casework.unflag(id, f.id, unflagReason.trim() || 'Resolved'),
                  'Flag removed.',
                ).then(reload)
              }
            >
              Unflag “{f.message}”
            </button>
          </li>
        ))}
      </ul>
      {flags.length > 0 && (
        <>
          <label for="unflag-reason">Reason for removing a flag</label>
          <input
            id="unflag-reason"
            value={unflagReason}
            onInput={(e) => setUnflagReason(e.currentTarget.value)}
          />
        </>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return;
          void act(() => casework.flag(id, reason.trim()), 'Case flagged.').then(() => {
            setReason('');
            reload();
          });
        }}
      >
        <label for="flag-reason">Reason for the flag</label>
        <input id="flag-reason" required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <button type="submit">Flag this case</button>
      </form>
    </details>
  );
}

interface Note {
  unique_id?: string;
  note_subject?: string;
  note_text?: string;
  note_date?: string;
  note_created_by?: string;
}

/** Notes go through the sync queue like any edit, so they can be written offline. */
function Notes(props: Props & { setMessage: (m: string) => void }) {
  const { record, vault } = props;
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const notes = (record.notes_section as Note[] | undefined) ?? [];
  const add = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    await queueEdit(vault, record, {
      notes_section: [...notes, { note_subject: subject.trim() || undefined, note_text: text.trim() }],
    });
    setSubject('');
    setText('');
    props.setMessage(
      props.online ? 'Note added.' : 'Note saved on this device; it will be sent when online.',
    );
    props.onChanged();
  };
  return (
    <details>
      <summary>Notes ({notes.length})</summary>
      <ul class="list">
        {notes.map((n, i) => (
          <li key={n.unique_id ?? i} class="item">
            <strong>{n.note_subject}</strong> {n.note_text}{' '}
            <span class="muted">
              {n.note_created_by} {n.note_date?.slice(0, 10)}
            </span>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)}>
        <label for="note-subject">Note subject</label>
        <input id="note-subject" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
        <label for="note-text">Note</label>
        <textarea id="note-text" required value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit">Add note</button>
      </form>
    </details>
  );
}

/** Caseworkers request; supervisors (approve_<type>) approve or reject what is pending. */
function Approvals({ record, me, act }: Props & { act: Act }) {
  const [notes, setNotes] = useState('');
  const rows = APPROVAL_TYPES.map((type) => ({
    type,
    status: record[`approval_status_${type}`] as string | undefined,
    mayRequest: can(me, 'cases', `request_approval_${type}`),
    mayApprove: can(me, 'cases', `approve_${type}`),
  })).filter((r) => r.mayRequest || (r.mayApprove && r.status === 'requested') || r.status);
  if (!rows.length) return null;
  return (
    <details open={rows.some((r) => r.status === 'requested' && r.mayApprove)}>
      <summary>Approvals</summary>
      <label for="approval-notes">Approval comments</label>
      <input id="approval-notes" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      <ul class="list">
        {rows.map((r) => (
          <li key={r.type} class="item">
            <span>
              {words(r.type)}: {r.status ? words(r.status) : 'not requested'}
            </span>
            {r.status === 'requested' && r.mayApprove ? (
              <span class="inline">
                <button
                  type="button"
                  onClick={() =>
                    void act(
                      () => casework.approval(record.id, r.type, 'approved', notes),
                      `${words(r.type)} approved.`,
                    )
                  }
                >
                  Approve {words(r.type)}
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    void act(
                      () => casework.approval(record.id, r.type, 'rejected', notes),
                      `${words(r.type)} rejected.`,
                    )
                  }
                >
                  Reject {words(r.type)}
                </button>
              </span>
            ) : (
              r.mayRequest &&
              r.status !== 'requested' && (
                <button
                  type="button"
                  onClick={() =>
                    void act(
                      () => casework.approval(record.id, r.type, 'requested', notes),
                      `${words(r.type)} approval requested.`,
                    )
                  }
                >
                  Request {words(r.type)} approval
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

const SEND_KINDS: { kind: TransitionKind; label: string; permission: string }[] = [
  { kind: 'assigns', label: 'Assign', permission: 'assign' },
  { kind: 'referrals', label: 'Refer', permission: 'referral' },
  { kind: 'transfers', label: 'Transfer', permission: 'transfer' },
];

/** Assign, refer or transfer: one form, the recipient from the server's list when it has one. */
function SendOn({ record, me, act }: Props & { act: Act }) {
  const kinds = SEND_KINDS.filter((k) => can(me, 'cases', k.permission) || !me);
  const [kind, setKind] = useState<TransitionKind>(kinds[0]?.kind ?? 'assigns');
  const [to, setTo] = useState('');
  const [notes, setNotes] = useState('');
  const [override, setOverride] = useState(false);
  const [choices, setChoices] = useState<UserChoice[]>();
  useEffect(() => {
    setChoices(undefined);
    void casework.recipients(kind).then(setChoices, () => undefined);
  }, [kind]);
  if (!kinds.length) return null;
  const consent = record.consent_for_services === true;
  const mayOverride = can(me, 'cases', 'consent_override');
  const blocked = kind === 'referrals' && !consent && !override;
  const send = (e: Event) => {
    e.preventDefault();
    if (!to.trim() || blocked) return;
    const label = SEND_KINDS.find((k) => k.kind === kind)?.label ?? '';
    void act(
      () =>
        casework.transition(record.id, kind, {
          transitioned_to: to.trim(),
          ...(notes ? { notes } : {}),
          ...(kind === 'referrals' && override ? { consent_overridden: true } : {}),
        }),
      `${label} sent to ${to.trim()}.`,
    ).then(() => (setTo(''), setNotes('')));
  };
  return (
    <details>
      <summary>Assign, refer or transfer</summary>
      <form onSubmit={send}>
        <label for="send-kind">Send the case by</label>
        <select
          id="send-kind"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as TransitionKind)}
        >
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        {kind === 'referrals' && (
          <p class={consent ? 'notice' : 'error'}>
            {consent
              ? 'Consent for services: given.'
              : 'Consent for services has not been given: a referral needs it.'}
          </p>
        )}
        {kind === 'referrals' && !consent && mayOverride && (
          <p class="tick">
            <label for="consent-override">Refer without consent (override)</label>
            <input
              id="consent-override"
              type="checkbox"
              checked={override}
              onChange={(e) => setOverride(e.currentTarget.checked)}
            />
          </p>
        )}
        <label for="send-to">Recipient</label>
        {choices?.length ? (
          <select id="send-to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            <option value="">Choose a user</option>
            {choices.map((u) => (
              <option key={u.user_name} value={u.user_name}>
                {u.full_name ? `${u.full_name} (${u.user_name})` : u.user_name}
              </option>
            ))}
          </select>
        ) : (
          <>
            <p class="hint" id="send-to-hint">
              The recipient's user name.
            </p>
            <input
              id="send-to"
              aria-describedby="send-to-hint"
              autocomplete="off"
              value={to}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </>
        )}
        <label for="send-notes">Notes for the recipient</label>
        <input id="send-notes" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
        <button type="submit" disabled={blocked}>
          Send
        </button>
      </form>
    </details>
  );
}

function Incident({ record, act }: Props & { act: Act }) {
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  return (
    <details>
      <summary>Record an incident</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () =>
              casework.incident(record.id, {
                ...(date ? { incident_date: date } : {}),
                ...(description ? { incident_description: description } : {}),
              }),
            'Incident recorded and linked to this case.',
          ).then(() => (setDate(''), setDescription('')));
        }}
      >
        <label for="incident-date">Date of the incident</label>
        <input id="incident-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        <label for="incident-description">What happened</label>
        <textarea
          id="incident-description"
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
        <button type="submit">Save incident</button>
      </form>
    </details>
  );
}

function History({ id }: { id: string }) {
  const [entries, setEntries] = useState<HistoryEntry[]>();
  return (
    <details
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && !entries)
          casework.history(id).then(
            ({ data }) => setEntries(data),
            () => setEntries([]),
          );
      }}
    >
      <summary>Record history</summary>
      {!entries ? (
        <p>Loading…</p>
      ) : (
        <ul class="list">
          {entries.map((h, i) => (
            <li key={i} class="item">
              <span class="muted">
                {new Date(h.datetime).toLocaleString()} · {h.user_name} · {h.action}
              </span>
              <span>
                {h.record_changes
                  .map((c) => Object.keys(c)[0] ?? '')
                  .filter(Boolean)
                  .map(words)
                  .join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
