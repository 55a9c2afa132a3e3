import type { CaseRecord } from '../api';
import { formatDate } from '../forms/dates';
import { useLocale, useT } from '../i18n/locale';

/** What the server keeps about the case (nobody types these): shown, never editable. */
export function ServerFields({ record }: { record: CaseRecord }) {
  const { locale } = useLocale();
  const t = useT();
  const when = (v: unknown) => (typeof v === 'string' ? formatDate(v, locale, true) : '—');
  const rows: [string, string][] = [
    [t('server.caseId'), String(record.case_id_display ?? '—')],
    [t('server.owner'), String(record.owned_by ?? '—')],
    [t('server.registered'), when(record.registration_date)],
    [t('server.lastUpdated'), when(record.last_updated_at)],
  ];
  return (
    <dl class="server-fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
