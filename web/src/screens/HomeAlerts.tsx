import { useEffect, useState } from 'preact/hooks';
import { api, type CaseRecord } from '../api';
import { casework, type RecordAlert } from '../caseworkApi';
import { formatDate, named, useLocale, useT } from '../i18n/locale';
import { placeOfAlert } from '../route';

// The cases with alerts updated last; the count says how many there are in all.
const PER = 10;

/** Home's alerts: one entry per alert on the cases that have some, each opening the case where it points. */
export function HomeAlerts({
  online,
  onOpen,
}: {
  online: boolean;
  onOpen: (id: string, at?: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [alerts, setAlerts] = useState<{ record: CaseRecord; alert: RecordAlert }[]>();
  const [total, setTotal] = useState(0);
  useEffect(() => {
    if (!online) return;
    const params = new URLSearchParams({ has_alerts: 'true', per: String(PER), order_by: 'last_updated_at' });
    api.cases(params).then(
      async ({ data, metadata }) => {
        const each = await Promise.all(
          data.map((record) =>
            casework.alerts(record.id).then(
              (r) => r.data.map((alert) => ({ record, alert })),
              () => [],
            ),
          ),
        );
        setTotal(metadata.total);
        setAlerts(each.flat());
      },
      () => undefined,
    );
  }, [online]);
  if (!alerts) return null;
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('home.alerts')}</h2>
      <p>{total ? t('home.alertCount', { n: total }) : t('home.alertsNone')}</p>
      <ul class="list">
        {alerts.map(({ record, alert }) => (
          <li key={alert.unique_id}>
            <button class="row" onClick={() => onOpen(record.id, placeOfAlert(alert))}>
              <span>{record.name ?? record.case_id_display}</span>
              <span class="badge">
                {named(t, 'alertFor', alert.alert_for)} · <bdi>{record.case_id_display}</bdi> ·{' '}
                <bdi>{formatDate(locale, alert.date.slice(0, 10))}</bdi>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
