import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, NetworkError, type CaseRecord } from '../api';
import { RecordForm } from '../forms/RecordForm';
import { loadCaseForms, sectionsFor, type FormGrants, type FormSet } from '../forms/serverForms';
import { isSubformEdit, rebaseEdits, subformChanges, type Entry } from '../forms/subformChanges';
import { formatDate } from '../forms/dates';
import { fieldLabel } from '../forms/values';
import { whenDrawn } from '../forms/whenDrawn';
import { useLocale, useT } from '../i18n/locale';
import { placeOf } from '../route';
import { pendingMutations, queueEdit, type Mutation } from '../sync';
import type { Vault } from '../vault';
import { EditConflict } from './EditConflict';
import { isNoteChange, RefusedChange } from './RefusedChange';
import { ServerFields } from './ServerFields';
import { useDeviceCopy } from './useDeviceCopy';
import { useOneAtATime } from './oneAtATime';
import { holdUnsaved } from '../unsavedGuard';
import { dropDraft, keepDraft, readDraft } from '../caseDraft';

/** Changes as the server takes them, and where each sent subform entry sits on screen. */
function outgoing(record: CaseRecord, changes: Record<string, unknown>) {
  const data: Record<string, unknown> = {};
  const indexes: Record<string, number[]> = {};
  for (const [name, value] of Object.entries(changes)) {
    const before = record[name];
    if (isSubformEdit(value, before)) {
      const { sent, index } = subformChanges(Array.isArray(before) ? (before as Entry[]) : [], value);
      if (sent.length) data[name] = sent;
      indexes[name] = index;
    } else data[name] = value;
  }
  return { data, indexes };
}

/** 422 entries by the path the screen uses: `field[i]` renumbered from the sent list to the shown one. */
function errorsByPath(entries: { detail?: string; message: string }[], indexes: Record<string, number[]>) {
  const out: Record<string, string> = {};
  for (const e of entries) {
    if (!e.detail) continue;
    const path = e.detail.replace(/^(\w+)\[(\d+)\]/, (all, name: string, i: string) => {
      const shown = indexes[name]?.[Number(i)];
      return shown === undefined || shown < 0 ? all : `${name}[${shown}]`;
    });
    out[path] = e.message;
  }
  return out;
}

/**
 * A case, as the forms lay it out. Online, a save is a PATCH with the case's ETag, so an edit never
 * overwrites someone else's unseen; offline (or while earlier changes wait), it is queued as a sync mutation.
 */
export function CaseView(props: {
  id: string;
  /** Where to open it (route.ts): a section, a field or a subform entry; casework places are CaseWork's. */
  at?: string;
  vault: Vault;
  online: boolean;
  onSaved: () => void;
  onBack: () => void;
  /** The role's grant per form: forms it may only read show their values without inputs. */
  grants?: FormGrants;
  /** What goes below the form (files, casework), inside the screen's main landmark. */
  children?: ComponentChildren;
}) {
  const { id, vault, online } = props;
  const locales = useLocale();
  const t = useT();
  const [record, setRecord] = useState<CaseRecord>();
  // The ETag and the version it was read with: a save must be checked against the version on screen.
  const [tagged, setTagged] = useState<{ etag?: string; version?: number }>();
  const etag = tagged?.etag;
  const setEtag = (from: { record: CaseRecord; etag?: string }) =>
    setTagged({ etag: from.etag, version: from.record.version });
  const [changes, setChanges] = useState<Record<string, unknown>>({});
  // The version the edits were made on: a sync may bring a newer one meanwhile, and only what the edits
  // change from theirs is sent (else another session's new subform entry would go as removed).
  const [editBase, setEditBase] = useState<CaseRecord>();
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [theirs, setTheirs] = useState<{ record: CaseRecord; etag?: string }>();
  const [forms, setForms] = useState<FormSet>();
  const [refused, setRefused] = useState<Mutation[]>([]);
  // When the edits on screen were typed, if they were kept on the device from an earlier visit.
  const [keptAt, setKeptAt] = useState<string>();
  const [draftRead, setDraftRead] = useState(false);
  // The case left the device while on screen (assigned or transferred away, deleted): nothing to save to.
  const [gone, setGone] = useState(false);
  const saving = useOneAtATime();
  // When the edits were last typed: kept with them, and told when they come back.
  const typedAt = useRef<string | undefined>(undefined);
  useDeviceCopy(vault, id, setRecord, () => setGone(true));

  useEffect(() => {
    void loadCaseForms(vault, online).then(setForms);
  }, [vault, online]);

  // Changes the server refused while offline: its messages shown at the fields (a note's at the note). Read
  // on opening and whenever the queue changes: a push refusing one while the case is open shows it at once,
  // instead of "Saved on this device" until the case is opened again.
  useEffect(() => {
    const readRefused = async () => {
      const waiting = (await pendingMutations(vault)).filter((m) => m.id === id);
      const refusedHere = waiting.filter((m) => m.rejected && !isNoteChange(m));
      setRefused(refusedHere);
      const entries = refusedHere.flatMap((m) => m.errors ?? []);
      if (entries.length) {
        setErrors(errorsByPath(entries, {}));
        setMessage((shown) => (shown === t('case.savedDevice') ? '' : shown));
      }
    };
    void readRefused();
    return vault.onChange((store) => store === 'queue' && void readRefused());
  }, [id, vault]);

  useEffect(() => setTagged(undefined), [id]);
  useEffect(() => {
    const load = async () => {
      const local = await vault.get<CaseRecord>('records', id);
      if (local) setRecord(local);
      // Not on the device: the server's (the device's copy is checked against the server just below).
      if (local || !online) return;
      const fresh = await api.caseWithEtag(id);
      await vault.put('records', id, fresh.record);
      setRecord(fresh.record);
      setEtag(fresh);
    };
    load().catch(() => setMessage(t('case.notHere')));
  }, [id, vault, online]);

  const edited = Object.keys(changes).length > 0;
  // For answers arriving later: an ETag fetched before edits were restored must not replace theirs.
  const editedNow = useRef(edited);
  editedNow.current = edited;
  // Leaving the case with edits not saved asks first (App's buttons, the back button, a reload); leaving
  // without them drops them from the device too.
  useEffect(() => {
    holdUnsaved(edited && !gone ? t('case.leaveUnsaved') : undefined, () => void dropDraft(vault, id));
    return () => holdUnsaved(undefined);
  }, [edited, gone, vault, id]);
  // Edits of a case that is no longer the user's cannot be sent anywhere.
  useEffect(() => {
    if (gone) void dropDraft(vault, id).catch(() => undefined);
  }, [gone]);
  // Edits not yet saved are kept on the device as they are typed (caseDraft.ts), and come back here.
  useEffect(() => {
    if (!record || draftRead) return;
    setDraftRead(true);
    void readDraft(vault, id)
      .then((draft) => {
        if (!draft || !Object.keys(draft.changes).length) return;
        // Typed on since the screen opened: those edits are the newer ones.
        setChanges((now) => (Object.keys(now).length ? now : draft.changes));
        setEditBase((now) => now ?? draft.base);
        setTagged({ etag: draft.etag, version: draft.base.version });
        typedAt.current = draft.at;
        setKeptAt(draft.at);
      })
      .catch(() => undefined);
  }, [id, vault, !!record, draftRead]);
  useEffect(() => {
    if (!record || !draftRead || gone) return;
    const write = edited
      ? keepDraft(vault, id, {
          changes,
          base: editBase ?? record,
          etag,
          at: typedAt.current ?? new Date().toISOString(),
        })
      : dropDraft(vault, id);
    write.catch(() => undefined);
    if (!edited) setKeptAt(undefined);
  }, [changes]);
  // Online, the version on screen gets its ETag from the server, so that a save is checked against it: on
  // opening, and each time a newer version reaches the screen (pulled, or the server's answer to a change
  // pushed). Not while the device's copy holds changes not yet sent, nor under unsaved edits: those were
  // made on the older version, and a save refused as a conflict then shows what changed meanwhile.
  useEffect(() => {
    if (!online || !record || edited || tagged?.version === record.version) return;
    const retag = async () => {
      if ((await pendingMutations(vault)).some((m) => m.id === id)) return;
      const fresh = await api.caseWithEtag(id);
      // Newer still: the device's copy takes it, the screen follows (useDeviceCopy) and this runs again.
      if (fresh.record.version !== record.version) await vault.put('records', id, fresh.record);
      else if (!editedNow.current) setEtag(fresh);
    };
    retag().catch(() => undefined);
  }, [id, vault, online, record?.version, tagged?.version, edited]);

  if (gone)
    return (
      <main>
        <button class="link" onClick={props.onBack}>
          {t('case.back')}
        </button>
        <h1>{record?.name ?? record?.case_id_display}</h1>
        <p role="alert">{t('case.gone')}</p>
      </main>
    );
  if (!record || !forms)
    return <main>{message ? <p role="alert">{message}</p> : <p>{t('loading')}</p>}</main>;
  const value = (name: string) => (name in changes ? changes[name] : record[name]);

  const saveQueued = async (
    base: CaseRecord,
    edits: Record<string, unknown>,
    data: Record<string, unknown>,
  ) => {
    const shown = { ...record, ...rebaseEdits(base, record, edits) };
    await queueEdit(vault, { ...record, version: base.version }, data, shown);
    setRecord(shown);
    keepTypedSince(edits);
    setEditBase(undefined);
    setMessage(t('case.savedDevice'));
  };

  // The edits on screen given up: the case as the device holds it (the draft goes with them, caseDraft.ts).
  const discardEdits = () => {
    setChanges({});
    setEditBase(undefined);
    setMessage(t('case.discarded'));
  };

  // What was typed while `sent` was on its way stays on screen, unsaved.
  const keepTypedSince = (sent: Record<string, unknown>) =>
    setChanges((now) => Object.fromEntries(Object.entries(now).filter(([name, v]) => sent[name] !== v)));

  // `edits` were made on `base`: only what they change from it is sent.
  const send = async (base: CaseRecord, tag: string | undefined, edits = changes) => {
    const { data, indexes } = outgoing(base, edits);
    setErrors({});
    setTheirs(undefined);
    const waiting = (await pendingMutations(vault)).some((m) => m.id === id);
    if (!online || waiting) return saveQueued(base, edits, data);
    try {
      let checked = tag;
      if (!checked) {
        // No ETag (opened offline, or edits kept from an offline visit): the server's copy says whether the
        // version the edits were made on is still the latest; a save without one would overwrite unseen.
        const current = await api.caseWithEtag(id);
        if (current.record.version !== base.version) {
          setTheirs(current);
          setMessage('');
          return;
        }
        checked = current.etag;
      }
      const saved = await api.patchCase(id, data, checked);
      await vault.put('records', id, saved.record);
      setRecord(saved.record);
      setEtag(saved);
      keepTypedSince(edits);
      setEditBase(undefined);
      setMessage(t('case.saved'));
    } catch (error) {
      if (error instanceof NetworkError) return saveQueued(base, edits, data);
      if (error instanceof ApiError && error.status === 412) {
        setTheirs(await api.caseWithEtag(id));
        setMessage('');
        return;
      }
      if (error instanceof ApiError && error.status === 422) {
        setErrors(errorsByPath(error.entries, indexes));
        setMessage('');
        // The first field to fix gets the focus once its section has opened.
        whenDrawn(
          () => document.querySelector<HTMLElement>('[aria-invalid="true"]'),
          (first) => first?.focus(),
        );
        return;
      }
      setMessage(
        error instanceof ApiError
          ? t('case.notSavedBecause', { message: error.message })
          : t('case.notSaved'),
      );
    }
  };

  // A double tap sent the same edits twice, the second refused as a conflict with the first.
  const save = (event: Event) => {
    event.preventDefault();
    if (!Object.keys(changes).length) return;
    void saving.run(async () => {
      await send(editBase ?? record, etag);
      props.onSaved();
    });
  };

  return (
    <main>
      <button class="link" onClick={props.onBack}>
        {t('case.back')}
      </button>
      <h1>{record.name ?? record.case_id_display}</h1>
      <ServerFields record={record} />
      {forms.source === 'built-in' && <p class="notice">{t('case.builtIn')}</p>}
      {keptAt && edited && (
        <div role="status" class="notice">
          <p>{t('case.draftKept', { time: formatDate(keptAt, locales.locale, true) })}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setErrors({});
              discardEdits();
            }}
          >
            {t('case.discardDraft')}
          </button>
        </div>
      )}
      <p class="hint">
        {t('case.required')} · <span class="mark completion">{t('case.neededToClose')}</span>
        {t('case.neededToCloseWhy')}
      </p>
      {theirs && (
        <EditConflict
          forms={forms}
          mine={editBase ?? record}
          theirs={theirs.record}
          changes={changes}
          onKeepMine={() => {
            // Onto their version: their subform entries stay, with this screen's additions and edits on them.
            const edits = rebaseEdits(editBase ?? record, theirs.record, changes);
            setRecord(theirs.record);
            setEtag(theirs);
            setChanges(edits);
            setEditBase(theirs.record);
            void send(theirs.record, theirs.etag, edits).then(props.onSaved);
          }}
          onTakeTheirs={() => {
            setRecord(theirs.record);
            setEtag(theirs);
            setTheirs(undefined);
            discardEdits();
          }}
        />
      )}
      {refused.length > 0 && (
        <RefusedChange
          vault={vault}
          online={online}
          refused={refused}
          text={t('case.refused')}
          discardLabel={t('case.discardRefused')}
          onDiscarded={(fresh) => {
            setRefused([]);
            setErrors({});
            props.onSaved();
            if (fresh) {
              setRecord(fresh.record);
              setEtag(fresh);
            }
          }}
        />
      )}
      {Object.keys(errors).length > 0 && (
        <div role="alert" class="error-summary">
          <p>{t('case.fixFields')}</p>
          <ul>
            {Object.entries(errors).map(([path, text]) => (
              <li key={path}>
                {fieldLabel(forms, path, locales)}: {text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={save} noValidate>
        <RecordForm
          forms={forms}
          sections={sectionsFor(forms, record.module_id, props.grants)}
          value={value}
          onChange={(name, v) => {
            if (!edited) setEditBase(record);
            typedAt.current = new Date().toISOString();
            setChanges({ ...changes, [name]: v });
            setMessage(''); // a message speaks of the last save, not of edits since
          }}
          locales={locales}
          errors={errors}
          at={placeOf(props.at)}
        />
        {message && (
          <p role="status" class="notice">
            {message}
          </p>
        )}
        <button type="submit" class="save" disabled={saving.busy}>
          {t('case.save')}
        </button>
      </form>
      {props.children}
    </main>
  );
}
