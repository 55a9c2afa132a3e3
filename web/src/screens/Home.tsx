import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type CaseRecord, type Task } from '../api';
import type { Me } from '../caseworkApi';
import { formatDate, listOf, named, useLocale, useT } from '../i18n/locale';
import type { Vault } from '../vault';
import { UnsavedDrafts } from './UnsavedDrafts';
import { Tour } from './Help';
import { HomeAlerts } from './HomeAlerts';
import { WorkQueues } from './WorkQueues';

// Follow-ups and services are subform entries; assessments and case plans are fields of the case.
const SUBFORMS: Record<string, string> = {
  follow_up: 'followup_subform_section',
  service: 'services_section',
};
const placeOfTask = (task: Task) => {
  const subform = SUBFORMS[task.type];
  if (subform) return task.entry_id ? `entry:${subform}:${task.entry_id}` : `field:${subform}`;
  return task.completion_field ? `field:${task.completion_field}` : undefined;
};

const TASKS_KEY = 'tasks';

export function Home({
  online,
  onOpen,
  onListFlagged,
  onNewCase,
  me,
  vault,
  version,
  children,
}: {
  online: boolean;
  onOpen: (id: string, at?: string) => void;
  onListFlagged: () => void;
  /** Opens New case (a new case typed and not created is listed with the unsaved edits). */
  onNewCase: () => void;
  me?: Me;
  /** The device's caseload: the tasks' children by name, as the alerts below name them. */
  vault: Vault;
  /** When the caseload last synced (names come with it). */
  version?: string;
  /** Tasks other screens contribute (conflicts to resolve), shown first. */
  children?: ComponentChildren;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [tasks, setTasks] = useState<Task[]>();
  // Cases whose tasks the server could not show (integrity check failed): said, never dropped silently.
  const [unreadable, setUnreadable] = useState<string[]>([]);
  // Offline, the tasks as the server last listed them, kept sealed on the device, with when that was.
  const [asOf, setAsOf] = useState<string>();
  useEffect(() => {
    if (online) {
      api.tasks().then(
        (r) => {
          setTasks(r.data);
          setUnreadable(r.unreadable);
          setAsOf(undefined);
          void vault.put('meta', TASKS_KEY, {
            at: new Date().toISOString(),
            data: r.data,
            unreadable: r.unreadable,
          });
        },
        () => undefined,
      );
      return;
    }
    vault.get<{ at: string; data: Task[]; unreadable?: string[] }>('meta', TASKS_KEY).then(
      (kept) => {
        if (!kept) return;
        const today = new Date().toLocaleDateString('en-CA'); // the device's own day, as YYYY-MM-DD
        // Due dates pass while the device is offline: overdue is what they are today.
        setTasks(kept.data.map((task) => ({ ...task, overdue: task.due_date.slice(0, 10) < today })));
        setUnreadable(kept.unreadable ?? []);
        setAsOf(kept.at);
      },
      () => undefined,
    );
  }, [online, vault]);
  // GET /tasks gives case ids only; the names are on the device (a hidden GBV name stays hidden).
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    const ids = [...new Set((tasks ?? []).map((task) => task.record_id))];
    Promise.all(ids.map((id) => vault.get<CaseRecord>('records', id).then((r) => [id, r] as const))).then(
      (found) =>
        setNames(
          Object.fromEntries(found.flatMap(([id, r]) => (r?.name && !r.hidden_name ? [[id, r.name]] : []))),
        ),
      () => undefined,
    );
  }, [tasks, vault, version]);
  // The API sorts soonest first; overdue work goes to the top.
  const sorted = [...(tasks ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <main>
      <Tour />
      <h1>{t('home.title')}</h1>
      {children}
      <UnsavedDrafts vault={vault} onOpen={onOpen} onNewCase={onNewCase} />
      {!online && !tasks && <p>{t('home.offline')}</p>}
      {asOf && (
        <p class="hint">
          {t('home.tasksAsOf', {
            time: formatDate(locale, asOf, true),
          })}
        </p>
      )}
      {unreadable.length > 0 && (
        <p class="notice-box" role="status">
          {t('home.unreadable', { n: unreadable.length, ids: listOf(locale, unreadable) })}
        </p>
      )}
      {tasks && !tasks.length && <p>{t('home.none')}</p>}
      <ul class="list">
        {sorted.map((task) => (
          <li key={`${task.record_id}-${task.type}-${task.due_date}`}>
            <button class="row" onClick={() => onOpen(task.record_id, placeOfTask(task))}>
              <span>
                {named(t, 'task', task.type)} · <bdi>{names[task.record_id] ?? task.record_id_display}</bdi>
              </span>
              <span class={task.overdue ? 'badge overdue' : 'badge'}>
                {names[task.record_id] && (
                  <span class="muted">
                    <bdi>{task.record_id_display}</bdi> ·{' '}
                  </span>
                )}
                {t(task.overdue ? 'home.overdue' : 'home.due')}{' '}
                <bdi>{formatDate(locale, task.due_date.slice(0, 10))}</bdi>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <WorkQueues online={online} me={me} onOpen={onOpen} onListFlagged={onListFlagged} />
      <HomeAlerts online={online} onOpen={onOpen} />
    </main>
  );
}
