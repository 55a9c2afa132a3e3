import { useEffect, useState } from 'preact/hooks';
import type { CaseRecord } from '../api';
import { useT } from '../i18n/locale';
import type { Vault } from '../vault';
import { myConflicts } from './conflicts';

/** Home's "resolve" tasks: cases where an offline change of this user met someone else's. */
export function ConflictTasks(props: {
  vault: Vault;
  userName: string;
  /** Changes when a sync lands, so the list follows it. */
  version: unknown;
  onOpen: (id: string) => void;
}) {
  const { vault, userName, version } = props;
  const t = useT();
  const [records, setRecords] = useState<CaseRecord[]>([]);
  useEffect(() => {
    void vault
      .all<CaseRecord>('records')
      .then((all) => setRecords(all.filter((r) => myConflicts(r, userName).length > 0)));
  }, [vault, userName, version]);
  if (!records.length) return null;
  return (
    <section aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('conflicts.title')}</h2>
      <ul class="list">
        {records.map((r) => (
          <li key={r.id}>
            <button class="row" onClick={() => props.onOpen(r.id)}>
              <span>
                {t('conflicts.resolve', { id: r.case_id_display ?? '' })} {r.name ? `· ${r.name}` : ''}
              </span>
              <span class="badge overdue">
                {t('conflicts.count', { n: myConflicts(r, userName).length })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
