import { useEffect, useRef, useState } from 'preact/hooks';
import { dropNote, keepNote, readNote } from '../caseDraft';
import type { CaseRecord } from '../api';
import { formatDate, useLocale, useT } from '../i18n/locale';
import { pendingMutations, queueEdit, type Mutation } from '../sync';
import type { Vault } from '../vault';
import { useOneAtATime } from './oneAtATime';
import { isNoteChange, RefusedChange } from './RefusedChange';

// The server's limits (src/records/fieldTypes.ts: shortText, longText): longer is refused on push.
const SUBJECT_MAX = 500;
const TEXT_MAX = 50_000;

interface Note {
  unique_id?: string;
  note_subject?: string;
  note_text?: string;
  note_date?: string;
  note_created_by?: string;
}

/**
 * The refused change that added `note` (the note carries the id the device gave it; the notes a change
 * only carried along are the server's, stamped with their author).
 */
const addedBy = (refused: Mutation[], note: Note) =>
  refused.filter((m) =>
    ((m.changes.notes_section as Note[] | undefined) ?? []).some(
      (n) => n.unique_id === note.unique_id && !n.note_created_by,
    ),
  );

/**
 * Notes go through the sync queue like any edit, so they can be written offline. A note the server
 * refuses stays listed, with the server's reason and a Discard button at it.
 */
export function Notes(props: {
  record: CaseRecord;
  vault: Vault;
  online: boolean;
  /** Starts an action: clears the message line and gives the setter of this action's outcome. */
  begin: () => (message: string) => void;
  /** Sends what the device queued and reloads the record. */
  onChanged: () => Promise<void>;
}) {
  const { record, vault } = props;
  const t = useT();
  const { locale } = useLocale();
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<Mutation[]>([]);
  const [open, setOpen] = useState(false);
  const notes = (record.notes_section as Note[] | undefined) ?? [];
  // A note typed and not yet added is kept on the device as it is typed, as the case's edits are
  // (caseDraft.ts): the lock or a reload no longer loses it, and it is here again when the case opens.
  const [noteRead, setNoteRead] = useState(false);
  const [keptAt, setKeptAt] = useState<string>();
  const typedAt = useRef<string | undefined>(undefined);
  useEffect(() => {
    void readNote(vault, record.id)
      .then((draft) => {
        if (!draft) return;
        setSubject((now) => now || draft.subject);
        setText((now) => now || draft.text);
        typedAt.current = draft.at;
        setKeptAt(draft.at);
        setOpen(true);
      })
      .catch(() => undefined)
      .finally(() => setNoteRead(true));
  }, [vault, record.id]);
  const typed = !!(subject.trim() || text.trim());
  useEffect(() => {
    if (!noteRead) return;
    const write = typed
      ? keepNote(vault, record.id, { subject, text, at: typedAt.current ?? new Date().toISOString() })
      : dropNote(vault, record.id);
    write.catch(() => undefined);
    if (!typed) setKeptAt(undefined);
  }, [subject, text, noteRead]);
  const type = (set: (value: string) => void) => (value: string) => {
    typedAt.current = undefined; // typed now: the kept time is no longer when it was last typed
    set(value);
  };

  useEffect(() => {
    const read = () =>
      void pendingMutations(vault).then((queue) =>
        setRefused(queue.filter((m) => m.id === record.id && m.rejected && isNoteChange(m))),
      );
    read();
    // A push refuses a note while the case is open (the network came back): its reason shows at once.
    return vault.onChange((store) => store === 'queue' && read());
  }, [vault, record]);

  const once = useOneAtATime();
  const add = (e: Event) => {
    e.preventDefault();
    if (text.trim()) void once.run(() => addNote());
  };
  const addNote = async () => {
    const note = {
      unique_id: crypto.randomUUID(),
      note_subject: subject.trim() || undefined,
      note_text: text.trim(),
      // When it was written, not when it reaches the server (offline, that may be days later).
      note_date: new Date().toISOString(),
    };
    const queued = await queueEdit(vault, record, { notes_section: [...notes, note] });
    setSubject('');
    setText('');
    await dropNote(vault, record.id).catch(() => undefined);
    const say = props.begin();
    await props.onChanged();
    // Said once the push has answered: a refused note says why at the note, not "Note added."
    const left = (await pendingMutations(vault)).find((m) => m.mutation_id === queued.mutation_id);
    if (!left) say(t('notes.added'));
    else if (!left.rejected) say(t('notes.savedDevice'));
  };

  const refusedByNote = notes.map((n) => (n.unique_id ? addedBy(refused, n) : []));
  const items = notes.map((n, i) => (
    <li key={n.unique_id ?? i} class="item">
      <strong>{n.note_subject}</strong>
      {/* Before the text: a refused note may be a very long one, and the reason must be in view. */}
      {refusedByNote[i]!.length > 0 && <NoteRefused {...props} refused={refusedByNote[i]!} />} {n.note_text}{' '}
      <span class="muted">
        {n.note_created_by} {n.note_date && formatDate(locale, n.note_date.slice(0, 10))}
      </span>
    </li>
  ));
  // A refused change the list shows no note of (a note queued by an older version of the app).
  const others = refused.filter((m) => !refusedByNote.some((list) => list.includes(m)));
  return (
    // Opened when a note waits refused; kept as the caseworker leaves it once that is dealt with.
    <details id="at-notes" open={open || refused.length > 0} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('notes.title', { n: notes.length })}</summary>
      <ul class="list">{items}</ul>
      {others.length > 0 && <NoteRefused {...props} refused={others} />}
      <form onSubmit={(e) => void add(e)}>
        {keptAt && typed && (
          <p role="status" class="notice">
            {t('notes.kept', { time: formatDate(locale, keptAt, true) })}
          </p>
        )}
        <label for="note-subject">{t('notes.subject')}</label>
        <input
          id="note-subject"
          maxLength={SUBJECT_MAX}
          value={subject}
          onInput={(e) => type(setSubject)(e.currentTarget.value)}
        />
        <label for="note-text">{t('notes.text')}</label>
        <textarea
          id="note-text"
          required
          maxLength={TEXT_MAX}
          value={text}
          onInput={(e) => type(setText)(e.currentTarget.value)}
        />
        <button type="submit" disabled={once.busy}>
          {t('notes.add')}
        </button>
      </form>
    </details>
  );
}

function NoteRefused(props: {
  vault: Vault;
  online: boolean;
  refused: Mutation[];
  onChanged: () => Promise<void>;
}) {
  const t = useT();
  return (
    <RefusedChange
      vault={props.vault}
      online={props.online}
      refused={props.refused}
      text={t('notes.refused')}
      reasons
      discardLabel={t('notes.discard')}
      onDiscarded={() => props.onChanged()}
    />
  );
}
