import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type CaseRecord } from '../api';
import { loadCaseForms, type FormSet } from '../forms/serverForms';
import { displayValue, fieldLabel } from '../forms/values';
import { useLocale } from '../i18n/locale';
import type { Vault } from '../vault';
import { myConflicts } from './conflicts';

type Choice = 'client' | 'server';

/**
 * "Yours vs the server's": each field an offline change of this user collided on, with both values; the
 * user picks one per field and the choices travel as `resolve_conflicts` on a PATCH (If-Match guarded).
 */
export function ConflictResolver(props: {
  id: string;
  vault: Vault;
  userName: string;
  online: boolean;
  onDone: () => void;
}) {
  const { id, vault, userName, online } = props;
  const locales = useLocale();
  const [record, setRecord] = useState<CaseRecord>();
  const [etag, setEtag] = useState<string>();
  const [forms, setForms] = useState<FormSet>();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [message, setMessage] = useState('');

  const load = async () => {
    setForms(await loadCaseForms(vault, online));
    if (!online) {
      setRecord(await vault.get<CaseRecord>('records', id));
      return;
    }
    const fresh = await api.caseWithEtag(id);
    await vault.put('records', id, fresh.record);
    setRecord(fresh.record);
    setEtag(fresh.etag);
  };
  useEffect(() => {
    load().catch(() => setMessage('This case cannot be loaded now.'));
  }, [id, online]);

  if (!record || !forms) return <main>{message ? <p role="alert">{message}</p> : <p>Loading…</p>}</main>;
  const conflicts = myConflicts(record, userName);

  const apply = async (event: Event) => {
    event.preventDefault();
    const missing = conflicts.filter((c) => !choices[c.field]);
    if (missing.length) {
      setMessage(`Choose a value for ${missing.map((c) => fieldLabel(forms, c.field, locales)).join(', ')}.`);
      return;
    }
    try {
      const resolve_conflicts = conflicts.map((c) => ({ field: c.field, use: choices[c.field] }));
      const saved = await api.patchCase(id, { resolve_conflicts }, etag);
      await vault.put('records', id, saved.record);
      props.onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setMessage('The case changed again meanwhile; the values below are the latest. Choose again.');
        setChoices({});
        await load();
      } else setMessage(error instanceof ApiError ? error.message : 'No connection: try again when online.');
    }
  };

  return (
    <main>
      <button class="link" onClick={props.onDone}>
        Back to home
      </button>
      <h1>Resolve conflicting changes</h1>
      <p>
        Case {record.case_id_display}: you changed these fields while offline, and someone else changed them
        too before your changes arrived. The server kept its values; choose, field by field, which to keep.
      </p>
      {conflicts.length === 0 && <p>Nothing left to resolve.</p>}
      <form onSubmit={apply}>
        {conflicts.map((c) => {
          const label = fieldLabel(forms, c.field, locales);
          const name = `choice-${c.field}`;
          return (
            <fieldset key={c.field} class="field group">
              <legend>{label}</legend>
              {(['client', 'server'] as const).map((side) => (
                <label key={side} class="choice">
                  <input
                    type="radio"
                    name={name}
                    checked={choices[c.field] === side}
                    onChange={() => setChoices({ ...choices, [c.field]: side })}
                  />
                  {side === 'client' ? 'Yours: ' : "The server's: "}
                  {displayValue(forms, c.field, side === 'client' ? c.client_value : c.server_value, locales)}
                </label>
              ))}
            </fieldset>
          );
        })}
        {message && (
          <p role="alert" class="error">
            {message}
          </p>
        )}
        {conflicts.length > 0 && (
          <button type="submit" disabled={!online}>
            Apply my choices
          </button>
        )}
        {!online && <p class="hint">Conflicts are resolved online.</p>}
      </form>
    </main>
  );
}
