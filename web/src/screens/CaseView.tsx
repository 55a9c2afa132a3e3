import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, NetworkError, type CaseRecord } from '../api';
import { RecordForm } from '../forms/RecordForm';
import { loadCaseForms, sectionsFor, type FormSet } from '../forms/serverForms';
import { subformChanges, type Entry } from '../forms/subformChanges';
import { fieldLabel } from '../forms/values';
import { useLocale } from '../i18n/locale';
import { discardMutation, pendingMutations, queueEdit, type Mutation } from '../sync';
import type { Vault } from '../vault';
import { EditConflict } from './EditConflict';
import { ServerFields } from './ServerFields';

/** Changes as the server takes them, and where each sent subform entry sits on screen. */
function outgoing(record: CaseRecord, changes: Record<string, unknown>) {
  const data: Record<string, unknown> = {};
  const indexes: Record<string, number[]> = {};
  for (const [name, value] of Object.entries(changes)) {
    const before = record[name];
    if (Array.isArray(value) && value.every((v) => v && typeof v === 'object')) {
      const { sent, index } = subformChanges(
        Array.isArray(before) ? (before as Entry[]) : [],
        value as Entry[],
      );
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
  vault: Vault;
  online: boolean;
  onSaved: () => void;
  onBack: () => void;
  /** What goes below the form (files, casework), inside the screen's main landmark. */
  children?: ComponentChildren;
}) {
  const { id, vault, online } = props;
  const locales = useLocale();
  const [record, setRecord] = useState<CaseRecord>();
  const [etag, setEtag] = useState<string>();
  const [changes, setChanges] = useState<Record<string, unknown>>({});
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [theirs, setTheirs] = useState<{ record: CaseRecord; etag?: string }>();
  const [forms, setForms] = useState<FormSet>();
  const [refused, setRefused] = useState<Mutation[]>([]);

  useEffect(() => {
    void loadCaseForms(vault, online).then(setForms);
  }, [vault, online]);

  useEffect(() => {
    const load = async () => {
      const local = await vault.get<CaseRecord>('records', id);
      if (local) setRecord(local);
      const waiting = (await pendingMutations(vault)).filter((m) => m.id === id);
      // Changes the server refused while offline: its messages shown at the fields.
      const refusedHere = waiting.filter((m) => m.rejected);
      setRefused(refusedHere);
      const entries = refusedHere.flatMap((m) => m.errors ?? []);
      if (entries.length) setErrors(errorsByPath(entries, {}));
      if (!online || waiting.length) return; // the device's copy holds changes not yet sent
      try {
        const fresh = await api.caseWithEtag(id);
        await vault.put('records', id, fresh.record);
        setRecord(fresh.record);
        setEtag(fresh.etag);
      } catch (error) {
        if (!local) throw error;
      }
    };
    load().catch(() => setMessage('This case is not on this device and cannot be fetched now.'));
  }, [id, vault, online]);

  if (!record || !forms) return <main>{message ? <p role="alert">{message}</p> : <p>Loading…</p>}</main>;
  const value = (name: string) => (name in changes ? changes[name] : record[name]);
  const shownRecord = { ...record, ...changes };

  const saveQueued = async (data: Record<string, unknown>) => {
    await queueEdit(vault, record, data, shownRecord);
    setRecord(shownRecord);
    setChanges({});
    setMessage('Saved on this device; it will be sent when you are back online.');
  };

  const send = async (base: CaseRecord, tag: string | undefined) => {
    const { data, indexes } = outgoing(base, changes);
    setErrors({});
    setTheirs(undefined);
    const waiting = (await pendingMutations(vault)).some((m) => m.id === id);
    if (!online || waiting) return saveQueued(data);
    try {
      const saved = await api.patchCase(id, data, tag);
      await vault.put('records', id, saved.record);
      setRecord(saved.record);
      setEtag(saved.etag);
      setChanges({});
      setMessage('Saved.');
    } catch (error) {
      if (error instanceof NetworkError) return saveQueued(data);
      if (error instanceof ApiError && error.status === 412) {
        setTheirs(await api.caseWithEtag(id));
        setMessage('');
        return;
      }
      if (error instanceof ApiError && error.status === 422) {
        setErrors(errorsByPath(error.entries, indexes));
        setMessage('');
        // The first field to fix gets the focus once its section has opened.
        setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 50);
        return;
      }
      setMessage(error instanceof ApiError ? `Not saved: ${error.message}` : 'Not saved.');
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!Object.keys(changes).length) return;
    await send(record, etag);
    props.onSaved();
  };

  return (
    <main>
      <button class="link" onClick={props.onBack}>
        Back to cases
      </button>
      <h1>{record.name ?? record.case_id_display}</h1>
      <ServerFields record={record} />
      {forms.source === 'built-in' && (
        <p class="notice">The forms could not be loaded; showing the basic case form.</p>
      )}
      <p class="hint">
        * required · <span class="mark completion">needed to close</span>: needed before the case can be
        closed
      </p>
      {theirs && (
        <EditConflict
          forms={forms}
          mine={record}
          theirs={theirs.record}
          changes={changes}
          onKeepMine={() => {
            setRecord(theirs.record);
            setEtag(theirs.etag);
            void send(theirs.record, theirs.etag).then(props.onSaved);
          }}
          onTakeTheirs={() => {
            setRecord(theirs.record);
            setEtag(theirs.etag);
            setChanges({});
            setTheirs(undefined);
            setMessage('Your changes were discarded; this is the case as last saved.');
          }}
        />
      )}
      {refused.length > 0 && (
        <div class="notice-box">
          <p>
            The server refused a change made to this case offline; its reasons are shown at the fields. Fix
            them and save, or give the refused change up.
          </p>
          <button
            type="button"
            class="secondary"
            onClick={() =>
              void (async () => {
                for (const m of refused) await discardMutation(vault, m);
                setRefused([]);
                setErrors({});
                props.onSaved();
                if (online) {
                  const fresh = await api.caseWithEtag(id);
                  await vault.put('records', id, fresh.record);
                  setRecord(fresh.record);
                  setEtag(fresh.etag);
                }
              })()
            }
          >
            Discard the refused change
          </button>
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <div role="alert" class="error-summary">
          <p>Not saved: the server asks you to fix these fields.</p>
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
          sections={sectionsFor(forms, record.module_id)}
          value={value}
          onChange={(name, v) => {
            setChanges({ ...changes, [name]: v });
            setMessage(''); // a message speaks of the last save, not of edits since
          }}
          locales={locales}
          errors={errors}
        />
        {message && (
          <p role="status" class="notice">
            {message}
          </p>
        )}
        <button type="submit" class="save">
          Save
        </button>
      </form>
      {props.children}
    </main>
  );
}
