import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type CaseRecord } from '../api';
import { FieldInput } from '../forms/registry';
import { loadCaseForms, sectionsFor, userLocales, type FormSet } from '../forms/serverForms';
import { t } from '../forms/types';
import { queueEdit } from '../sync';
import type { Vault } from '../vault';

/** A case, as the forms lay it out; saving queues a sync mutation whether online or not. */
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
  const [record, setRecord] = useState<CaseRecord>();
  const [changes, setChanges] = useState<Record<string, unknown>>({});
  const [message, setMessage] = useState('');
  const [forms, setForms] = useState<FormSet>();

  useEffect(() => {
    void loadCaseForms(vault, online).then(setForms);
  }, [vault, online]);

  useEffect(() => {
    const load = async () => {
      const local = await vault.get<CaseRecord>('records', id);
      if (local) setRecord(local);
      if (online && !local) {
        const fresh = (await api.case(id)).data;
        await vault.put('records', id, fresh);
        setRecord(fresh);
      }
    };
    load().catch(() => setMessage('This case is not on this device and cannot be fetched now.'));
  }, [id, vault, online]);

  if (!record || !forms) return <main>{message ? <p role="alert">{message}</p> : <p>Loading…</p>}</main>;
  const value = (name: string) => (name in changes ? changes[name] : record[name]);
  const save = async (event: Event) => {
    event.preventDefault();
    if (!Object.keys(changes).length) return;
    await queueEdit(vault, record, changes);
    setRecord({ ...record, ...changes });
    setChanges({});
    setMessage(online ? 'Saved.' : 'Saved on this device; it will be sent when you are back online.');
    props.onSaved();
  };
  const locales = userLocales(forms);
  return (
    <main>
      <button class="link" onClick={props.onBack}>
        Back to cases
      </button>
      <h1>{record.name ?? record.case_id_display}</h1>
      <p class="muted">Case {record.case_id_display}</p>
      {forms.source === 'built-in' && (
        <p class="notice">The forms could not be loaded; showing the basic case form.</p>
      )}
      <form onSubmit={save}>
        {sectionsFor(forms, record.module_id).map((form) => (
          <fieldset key={form.unique_id}>
            <legend>{t(form.name, locales)}</legend>
            {form.fields
              .filter((field) => field.visible !== false)
              .map((field) => (
                <FieldInput
                  key={field.name}
                  id={`field-${field.name}`}
                  field={field}
                  locales={locales}
                  value={value(field.name)}
                  onChange={(v) => setChanges({ ...changes, [field.name]: v })}
                />
              ))}
          </fieldset>
        ))}
        {message && (
          <p role="status" class="notice">
            {message}
          </p>
        )}
        <button type="submit">Save</button>
      </form>
      {props.children}
    </main>
  );
}
