import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type CaseRecord } from '../api';
import { loadCaseForms, type FormSet } from '../forms/serverForms';
import { displayValue, fieldLabel } from '../forms/values';
import { listOf, useLocale, useT } from '../i18n/locale';
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
  const t = useT();
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
    load().catch(() => setMessage(t('resolver.cannotLoad')));
  }, [id, online]);

  if (!record || !forms)
    return <main>{message ? <p role="alert">{message}</p> : <p>{t('loading')}</p>}</main>;
  const conflicts = myConflicts(record, userName);

  const apply = async (event: Event) => {
    event.preventDefault();
    const missing = conflicts.filter((c) => !choices[c.field]);
    if (missing.length) {
      setMessage(
        t('resolver.choose', {
          fields: listOf(
            locales.locale,
            missing.map((c) => fieldLabel(forms, c.field, locales)),
          ),
        }),
      );
      return;
    }
    try {
      const resolve_conflicts = conflicts.map((c) => ({ field: c.field, use: choices[c.field] }));
      const saved = await api.patchCase(id, { resolve_conflicts }, etag);
      await vault.put('records', id, saved.record);
      props.onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setMessage(t('resolver.changedAgain'));
        setChoices({});
        await load();
      } else setMessage(error instanceof ApiError ? error.message : t('resolver.noConnection'));
    }
  };

  return (
    <main>
      <button class="link" onClick={props.onDone}>
        {t('resolver.back')}
      </button>
      <h1>{t('resolver.title')}</h1>
      <p>{t('resolver.intro', { id: record.case_id_display ?? '' })}</p>
      {conflicts.length === 0 && <p>{t('resolver.nothing')}</p>}
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
                  {t(side === 'client' ? 'resolver.yours' : 'resolver.theirs')}
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
            {t('resolver.apply')}
          </button>
        )}
        {!online && <p class="hint">{t('resolver.online')}</p>}
      </form>
    </main>
  );
}
