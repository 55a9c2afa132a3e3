import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type CaseRecord } from '../api';
import {
  can,
  casework,
  type Flag,
  type Me,
  type RecordAlert,
  type Transition,
  type TransitionKind,
  type UserChoice,
} from '../caseworkApi';
import { formatDate, named, useLocale, useT } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import { placeOfAlert } from '../route';
import type { Vault } from '../vault';
import { Approvals } from './Approvals';
import { Notes } from './Notes';
import { useFieldRefusals } from './fieldRefusals';
import { useOneAtATime } from './oneAtATime';
import { RecordHistory } from './RecordHistory';

type T = ReturnType<typeof useT>;
const errorText = (e: unknown, t: T) => (e instanceof Error ? e.message : t('error.generic'));

interface Props {
  record: CaseRecord;
  me?: Me;
  vault: Vault;
  online: boolean;
  /** The casework place the case was opened at (route.ts): it opens and scrolls into view. */
  at?: string;
  /** The whole place it was opened at (`section:followup`): alerts about it count as seen. */
  openedAt?: string;
  /** After a server-side action: reload the record (and sync what the device queued), done once synced. */
  onChanged: () => Promise<void>;
}

/** Flags, notes, approvals, sending the case on, incidents, history: everything done *to* a case. */
export function CaseActions(props: Props) {
  const { record } = props;
  // A case made offline is not on the server until its create syncs (it has no version before): its
  // alerts, flags and transitions are asked for once it is.
  const online = props.online && record.version !== undefined;
  const t = useT();
  const [message, setMessage] = useState<{ text: string; refused?: boolean }>();
  // The line speaks of the user's last action: an earlier one answering late (a note's push on a slow
  // network) must not replace "Case plan approval requested." with "Note added.".
  const latest = useRef(0);
  const begin = () => {
    const action = ++latest.current;
    setMessage(undefined);
    return (text: string, refused = false) => {
      if (latest.current === action) setMessage({ text, refused });
    };
  };
  useEffect(() => {
    if (!props.at) return;
    // The place shows once its data arrives (the transitions to accept, the alerts): it is scrolled to when
    // it is there and the page has stopped growing above it, not after a guessed delay.
    let tries = 0;
    let lastTop: number | undefined;
    const timer = setInterval(() => {
      const place = document.getElementById(`at-${props.at}`);
      const top = place ? place.getBoundingClientRect().top + window.scrollY : undefined;
      if ((place && top === lastTop) || ++tries > 50) {
        clearInterval(timer);
        place?.scrollIntoView();
      }
      lastTop = top;
    }, 150);
    return () => clearInterval(timer);
  }, [props.at]);
  // True once done: a form keeps what was typed when the server refuses it. A form that shows the refusal
  // at its own fields says so (`shownAtFields`), and the line above stays quiet.
  const act = async (
    work: () => Promise<unknown>,
    done: string,
    shownAtFields: (error: unknown) => boolean = () => false,
  ) => {
    const say = begin();
    try {
      await work();
      say(done);
      void props.onChanged();
      return true;
    } catch (e) {
      if (!shownAtFields(e)) say(errorText(e, t), true);
      return false;
    }
  };
  return (
    <section class="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('work.title')}</h2>
      {message &&
        (message.refused ? (
          <p role="alert" class="error">
            {message.text}
          </p>
        ) : (
          <p role="status" class="notice">
            {message.text}
          </p>
        ))}
      <Alerts id={record.id} online={online} at={props.openedAt} me={props.me} />
      <Incoming id={record.id} online={online} act={act} />
      <Flags id={record.id} online={online} act={act} />
      <Notes {...props} begin={begin} />
      {online ? (
        <>
          <Approvals record={record} me={props.me} at={props.at} act={act} />
          <SendOn {...props} online={online} act={act} />
          <Incident {...props} online={online} act={act} />
          <RecordHistory id={record.id} vault={props.vault} />
        </>
      ) : (
        <p class="hint">{t('work.needsConnection')}</p>
      )}
    </section>
  );
}

type Act = (
  work: () => Promise<unknown>,
  done: string,
  shownAtFields?: (error: unknown) => boolean,
) => Promise<boolean>;

/** How long the alerts' box stays on screen before its alerts count as seen. */
const SEEN_AFTER_MS = 1000;

/**
 * The case's alerts are dismissed once seen: those of the place the case was opened at (the user came to
 * act on them) at once, the others when their box has been on screen a moment. Opening a case at a follow-up
 * scrolls past the box, and an unrelated "assessment due" must not leave Home unseen.
 */
function Alerts({ id, online, at, me }: { id: string; online: boolean; at?: string; me?: Me }) {
  const t = useT();
  const { locale } = useLocale();
  const [alerts, setAlerts] = useState<RecordAlert[]>([]);
  const box = useRef<HTMLDivElement>(null);
  const dismissed = useRef(new Set<string>());
  // An approval request is the approver's to see: it stays until the request is decided (the server says so).
  const mine = (a: RecordAlert) => a.alert_for !== 'approval' || can(me, 'cases', `approve_${a.type}`);
  const dismiss = (list: RecordAlert[]) => {
    for (const a of list.filter((a) => mine(a) && !dismissed.current.has(a.unique_id))) {
      dismissed.current.add(a.unique_id);
      void casework.dismissAlert(id, a.unique_id).catch(() => dismissed.current.delete(a.unique_id));
    }
  };
  useEffect(() => {
    if (!online) return;
    casework.alerts(id).then(
      ({ data }) => {
        setAlerts(data);
        dismiss(data.filter((a) => placeOfAlert(a) === at));
      },
      () => undefined,
    );
  }, [id, online]);
  useEffect(() => {
    if (!alerts.length || !box.current) return;
    // Seen means on screen long enough to read: not a glimpse while the page loads and scrolls to the place
    // it was opened at, nor a fling past it.
    let reading: ReturnType<typeof setTimeout> | undefined;
    const seen = new IntersectionObserver(
      (entries) => {
        clearTimeout(reading);
        if ((entries[entries.length - 1]?.intersectionRatio ?? 0) < 0.5) return;
        reading = setTimeout(() => {
          dismiss(alerts);
          seen.disconnect();
        }, SEEN_AFTER_MS);
      },
      { threshold: 0.5 },
    );
    seen.observe(box.current);
    return () => {
      clearTimeout(reading);
      seen.disconnect();
    };
  }, [alerts]);
  if (!alerts.length) return null;
  return (
    <div ref={box} class="alertbox" id="at-alerts" role="note" aria-label={t('alerts.new')}>
      <p>{t('alerts.seen')}</p>
      <ul>
        {alerts.map((a) => (
          <li key={a.unique_id}>
            {named(t, 'alertFor', a.alert_for)} · {formatDate(locale, a.date.slice(0, 10))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Transfers and referrals this user is asked to accept. */
function Incoming({ id, online, act }: { id: string; online: boolean; act: Act }) {
  const t = useT();
  const [list, setList] = useState<Transition[]>([]);
  const [reason, setReason] = useState('');
  const [tick, setTick] = useState(0);
  // A double tap on Accept would answer twice (the second refused as already answered).
  const once = useOneAtATime();
  useEffect(() => {
    if (!online) return;
    casework.transitions(id).then(
      ({ data }) => setList(data.filter((t) => t.user_can_accept_or_reject && t.type !== 'Assign')),
      // The case is no longer the user's (a referral just rejected): nothing left to answer.
      (error: unknown) => error instanceof ApiError && error.status === 404 && setList([]),
    );
  }, [id, online, tick]);
  if (!list.length) return null;
  return (
    <div class="alertbox" id="at-incoming">
      {list.map((tr) => {
        const kind = tr.type === 'Transfer' ? 'transfers' : 'referrals';
        const what = t(kind === 'transfers' ? 'transition.transfer' : 'transition.referral');
        const answer = (status: string) =>
          once.run(() =>
            act(
              () =>
                casework.respond(id, kind, tr.id, {
                  status,
                  ...(status === 'rejected' && kind === 'transfers' && reason
                    ? { rejected_reason: reason }
                    : {}),
                }),
              t(status === 'accepted' ? 'incoming.accepted' : 'incoming.rejected', { what }),
            ).then(() => setTick((n) => n + 1)),
          );
        return (
          <div key={tr.id}>
            <p>
              {t('incoming.sent', { by: tr.transitioned_by, what, notes: tr.notes ? `: “${tr.notes}”` : '' })}
            </p>
            <label for={`reason-${tr.id}`}>{t('incoming.reason')}</label>
            <input id={`reason-${tr.id}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            <div class="inline">
              <button type="button" onClick={() => void answer('accepted')}>
                {t('incoming.accept', { what })}
              </button>
              <button type="button" class="secondary" onClick={() => void answer('rejected')}>
                {t('incoming.reject', { what })}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}

function Flags({ id, online, act }: { id: string; online: boolean; act: Act }) {
  const t = useT();
  const { locale } = useLocale();
  const [flags, setFlags] = useState<Flag[]>([]);
  const [reason, setReason] = useState('');
  const once = useOneAtATime();
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
      <summary>{t('flags.title', { n: flags.length })}</summary>
      <ul class="list">
        {flags.map((f) => (
          <li key={f.id} class="item">
            <span>
              ⚑ {f.message}{' '}
              <span class="muted">
                — {f.flagged_by}, {formatDate(locale, f.date)}
              </span>
            </span>
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void act(
                  () => casework.unflag(id, f.id, unflagReason.trim() || t('flags.resolved')),
                  t('flags.removed'),
                ).then(reload)
              }
            >
              {t('flags.unflag', { message: f.message })}
            </button>
          </li>
        ))}
      </ul>
      {flags.length > 0 && (
        <>
          <label for="unflag-reason">{t('flags.unflagReason')}</label>
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
          void once.run(async () => {
            if (await act(() => casework.flag(id, reason.trim()), t('flags.flagged'))) setReason('');
            reload();
          });
        }}
      >
        <label for="flag-reason">{t('flags.reason')}</label>
        <input id="flag-reason" required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <button type="submit" disabled={once.busy}>
          {t('flags.flag')}
        </button>
      </form>
    </details>
  );
}

const SEND_KINDS: { kind: TransitionKind; label: MessageKey; permission: string }[] = [
  { kind: 'assigns', label: 'send.assigns', permission: 'assign' },
  { kind: 'referrals', label: 'send.referrals', permission: 'referral' },
  { kind: 'transfers', label: 'send.transfers', permission: 'transfer' },
];

/** Assign, refer or transfer: one form, the recipient from the server's list when it has one. */
function SendOn({ record, me, act }: Props & { act: Act }) {
  const t = useT();
  const kinds = SEND_KINDS.filter((k) => can(me, 'cases', k.permission) || !me);
  const [kind, setKind] = useState<TransitionKind>(kinds[0]?.kind ?? 'assigns');
  const [to, setTo] = useState('');
  const [notes, setNotes] = useState('');
  const [override, setOverride] = useState(false);
  const [choices, setChoices] = useState<UserChoice[]>();
  const once = useOneAtATime();
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
    void once.run(async () => {
      const sent = await act(
        () =>
          casework.transition(record.id, kind, {
            transitioned_to: to.trim(),
            ...(notes ? { notes } : {}),
            ...(kind === 'referrals' && override ? { consent_overridden: true } : {}),
          }),
        t(`send.done.${kind}`, { to: to.trim() }),
      );
      if (!sent) return;
      setTo('');
      setNotes('');
    });
  };
  return (
    <details>
      <summary>{t('send.title')}</summary>
      <form onSubmit={send}>
        <label for="send-kind">{t('send.by')}</label>
        <select
          id="send-kind"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as TransitionKind)}
        >
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(k.label)}
            </option>
          ))}
        </select>
        {kind === 'referrals' && (
          <p class={consent ? 'notice' : 'error'}>
            {t(consent ? 'send.consentGiven' : 'send.consentMissing')}
          </p>
        )}
        {kind === 'referrals' && !consent && mayOverride && (
          <p class="tick">
            <label for="consent-override">{t('send.override')}</label>
            <input
              id="consent-override"
              type="checkbox"
              checked={override}
              onChange={(e) => setOverride(e.currentTarget.checked)}
            />
          </p>
        )}
        <label for="send-to">{t('send.recipient')}</label>
        {choices?.length ? (
          <select id="send-to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            <option value="">{t('send.chooseUser')}</option>
            {choices.map((u) => (
              <option key={u.user_name} value={u.user_name}>
                {u.full_name ? `${u.full_name} (${u.user_name})` : u.user_name}
              </option>
            ))}
          </select>
        ) : (
          <>
            <p class="hint" id="send-to-hint">
              {t('send.recipientHint')}
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
        <label for="send-notes">{t('send.notes')}</label>
        <input id="send-notes" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
        <button type="submit" disabled={blocked || once.busy}>
          {t('send.send')}
        </button>
      </form>
    </details>
  );
}

const INCIDENT_INPUTS = { incident_date: 'incident-date', incident_description: 'incident-description' };

function Incident({ record, act }: Props & { act: Act }) {
  const t = useT();
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const once = useOneAtATime();
  // The server's refusals at the fields they name (a date in the future), as the record form does.
  const refusals = useFieldRefusals(INCIDENT_INPUTS);
  return (
    <details>
      <summary>{t('incident.title')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void once.run(async () => {
            refusals.clear();
            const recorded = await act(
              () =>
                casework.incident(record.id, {
                  ...(date ? { incident_date: date } : {}),
                  incident_description: description.trim(),
                }),
              t('incident.done'),
              refusals.take,
            );
            if (!recorded) return;
            setDate('');
            setDescription('');
          });
        }}
      >
        <label for="incident-date">{t('incident.date')}</label>
        <input
          id="incident-date"
          type="date"
          value={date}
          onInput={(e) => setDate(e.currentTarget.value)}
          {...refusals.marks('incident-date')}
        />
        {refusals.below('incident-date')}
        <label for="incident-description">{t('incident.what')}</label>
        {/* What happened is what makes it an incident: an empty one was one tap away. */}
        <textarea
          id="incident-description"
          required
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
          {...refusals.marks('incident-description')}
        />
        {refusals.below('incident-description')}
        <button type="submit" disabled={once.busy}>
          {t('incident.save')}
        </button>
      </form>
    </details>
  );
}
