import { useState } from 'preact/hooks';
import { casework, type HistoryEntry } from '../caseworkApi';
import { keyLabel } from '../forms/keyLabel';
import { findField } from '../forms/values';
import { loadCaseForms, type FormSet } from '../forms/serverForms';
import { formatDate, named, useLocale, useT } from '../i18n/locale';
import type { Vault } from '../vault';

// The server's bookkeeping, which changes along with what a person did: ids, counters and lists derived
// from other fields (alert_subjects from the alerts, owned_by_groups from the owner, …).
const BOOKKEEPING = new Set([
  'id',
  'case_id',
  'country_code',
  'enabled',
  'version',
  'forms_version',
  'field_versions',
  'alert_subjects',
  'alert_count',
  'flag_count',
  'owned_by_groups',
  'associated_user_names',
  'hidden_name',
  'sync_conflicts',
  'attachment_ids',
]);

// What the server sets on a new case besides BOOKKEEPING (src/records/commonSchema.ts, the case's kind).
const SET_AT_CREATE = new Set([
  'short_id',
  'case_id_display',
  'module_id',
  'owned_by',
  'owned_by_agency_id',
  'assigned_user_names',
  'created_at',
  'created_by',
  'last_updated_at',
  'last_updated_by',
  'workflow',
  'record_state',
]);

/** Who changed what on the case and when, the fields named as the forms name them in the user's language. */
export function RecordHistory({ id, vault }: { id: string; vault: Vault }) {
  const t = useT();
  const locales = useLocale();
  const [entries, setEntries] = useState<HistoryEntry[]>();
  const [forms, setForms] = useState<FormSet>();
  const open = () => {
    if (entries) return;
    void loadCaseForms(vault, true).then(setForms, () => undefined);
    casework.history(id).then(
      ({ data }) => setEntries(data),
      () => setEntries([]),
    );
  };
  // A creation lists what the person filled in: the keys the server set then (owner, ids, dates, stage) are
  // on no form. Without the forms (not loaded yet), the server's own keys at least are left out.
  const personal = (h: HistoryEntry, k: string) =>
    h.action !== 'create' || (forms ? !!findField(forms, k) : !SET_AT_CREATE.has(k));
  const changed = (h: HistoryEntry) => [
    ...new Set(
      h.record_changes
        .map((c) => Object.keys(c)[0] ?? '')
        .filter((k) => k && !BOOKKEEPING.has(k) && personal(h, k))
        .map((k) => keyLabel(forms, k, locales, t)),
    ),
  ];
  return (
    <details onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && open()}>
      <summary>{t('history.title')}</summary>
      {!entries ? (
        <p>{t('loading')}</p>
      ) : (
        <ul class="list">
          {entries
            .map((h) => ({ ...h, fields: changed(h) }))
            // A change of bookkeeping alone (an alert dismissed) is not something a person did to the case.
            .filter((h) => h.fields.length > 0 || h.record_changes.length === 0 || h.action === 'create')
            .map((h, i) => (
              <li key={i} class="item">
                <span class="muted">
                  {formatDate(locales.locale, h.datetime, true)} · {h.user_name} ·{' '}
                  {named(t, 'history.action', h.action)}
                </span>
                {h.fields.length > 0 && <span>{h.fields.join(', ')}</span>}
              </li>
            ))}
        </ul>
      )}
    </details>
  );
}
