import type { CaseRecord } from '../api';
import { formatDate } from '../forms/dates';
import { useLocale } from '../i18n/locale';

/** What the server keeps about the case (nobody types these): shown, never editable. */
export function ServerFields({ record }: { record: CaseRecord }) {
  const { locale } = useLocale();
  const when = (v: unknown) => (typeof v === 'string' ? formatDate(v, locale, true) : '—');
  const rows: [string, string][] = [
    ['Case id', String(record.case_id_display ?? '—')],
    ['Owner', String(record.owned_by ?? '—')],
    ['Registered', when(record.registration_date)],
    ['Last updated', when(record.last_updated_at)],
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
