import { useEffect, useState } from 'preact/hooks';
import { call, type CaseRecord } from '../api';
import { fetchFormSet, type FormSet } from '../forms/serverForms';
import { keyLabel } from '../forms/keyLabel';
import { displayValue, findField, valueText } from '../forms/values';
import { formatDate, named, useLocale, useT } from '../i18n/locale';
import { KINDS, type RecordType } from './RecordList';

// Keys a person does not read: ids, bookkeeping and the files (shown elsewhere).
const HIDDEN =
  /^(id|country_code|enabled|version|forms_version|flag_count|alert_count|record_state|hidden_name|owned_by_agency_id|attachment_ids|.*_subform_section|photos|other_documents|recorded_audio)$/;
// A record's own id or a link's (incident_case_id): the display ids beside them are what people quote.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORMS_OF = { cases: 'case', incidents: 'incident', tracing_requests: 'tracing_request' } as const;

/**
 * An incident or tracing request, read-only: its fields as the server answers them, named by their forms
 * (GET /forms) in the user's language; a key the forms do not name shows as the app names it, else its words.
 */
/** What the summary lists: plain values a person reads, the short id only where no other field already shows it. */
function facts(record: CaseRecord): [string, unknown][] {
  const shown = Object.entries(record).filter(
    ([k, v]) => !HIDDEN.test(k) && v !== null && v !== '' && typeof v !== 'object' && !UUID.test(String(v)),
  );
  const repeated = (k: string, v: unknown) => shown.some(([other, w]) => other !== k && w === v);
  return shown.filter(([k, v]) => k !== 'short_id' || !repeated(k, v));
}

export function RecordSummary(props: { type: RecordType; id: string; onBack: () => void }) {
  const t = useT();
  const locales = useLocale();
  const [forms, setForms] = useState<FormSet>();
  // Server-kept keys (created_at, owned_by, …) are on no form: the app's name for them, and instants as dates.
  const onForm = (k: string) => (forms && findField(forms, k) ? forms : undefined);
  const shown = (k: string, v: unknown) => {
    const set = onForm(k);
    if (set) return displayValue(set, k, v, locales);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDate(locales.locale, v);
    if (k === 'module_id' && typeof v === 'string') return named(t, 'module', v);
    return valueText(undefined, v, locales, []);
  };
  const [record, setRecord] = useState<CaseRecord>();
  const [error, setError] = useState('');
  useEffect(() => {
    fetchFormSet(FORMS_OF[props.type]).then(
      (set) => setForms({ ...set, source: 'server' }),
      () => undefined, // the keys then stand for the labels
    );
  }, [props.type]);
  useEffect(() => {
    call<{ data: CaseRecord }>('GET', `/${props.type}/${encodeURIComponent(props.id)}`).then(
      ({ data }) => setRecord(data),
      (e: unknown) => setError(e instanceof Error ? e.message : t('summary.notAvailable')),
    );
  }, [props.type, props.id]);
  const kind = KINDS[props.type];
  return (
    <main>
      <button class="link" onClick={props.onBack}>
        {t(`summary.back.${props.type}`)}
      </button>
      {error && <p role="alert">{error}</p>}
      {record && (
        <>
          <h1>{kind.name(record)}</h1>
          <dl class="facts">
            {facts(record).map(([k, v]) => (
              <div key={k}>
                <dt>{keyLabel(forms, k, locales, t)}</dt>
                <dd>{shown(k, v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </main>
  );
}
