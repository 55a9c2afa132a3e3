import { useEffect, useState } from 'preact/hooks';
import { call, type CaseRecord } from '../api';
import { useT } from '../i18n/locale';
import { KINDS, type RecordType } from './RecordList';

// Keys a person does not read: ids, bookkeeping and the files (shown elsewhere).
const HIDDEN =
  /^(id|country_code|enabled|version|attachment_ids|.*_subform_section|photos|other_documents|recorded_audio)$/;
const words = (s: string) => s.replace(/_/g, ' ');

/** An incident or tracing request, read-only: its fields as the server answers them. */
export function RecordSummary(props: { type: RecordType; id: string; onBack: () => void }) {
  const t = useT();
  const shown = (v: unknown) =>
    Array.isArray(v)
      ? v.join(', ')
      : typeof v === 'boolean'
        ? t(v ? 'summary.yes' : 'summary.no')
        : String(v);
  const [record, setRecord] = useState<CaseRecord>();
  const [error, setError] = useState('');
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
            {Object.entries(record)
              .filter(([k, v]) => !HIDDEN.test(k) && v !== null && v !== '' && typeof v !== 'object')
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{words(k)}</dt>
                  <dd>{shown(v)}</dd>
                </div>
              ))}
          </dl>
        </>
      )}
    </main>
  );
}
