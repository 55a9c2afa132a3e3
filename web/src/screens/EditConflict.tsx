import { useEffect, useRef } from 'preact/hooks';
import type { CaseRecord } from '../api';
import type { FormSet } from '../forms/serverForms';
import { clashingEntries, type Entry } from '../forms/subformChanges';
import { displayValue, fieldLabel } from '../forms/values';
import { useLocale, useT } from '../i18n/locale';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isEntries = (v: unknown): v is Entry[] =>
  Array.isArray(v) && v.length > 0 && v.every((e) => !!e && typeof e === 'object');
const asEntries = (v: unknown): Entry[] => (Array.isArray(v) ? (v as Entry[]) : []);

/**
 * A field both sides changed, with the values to set side by side. A subform clashes only at the entries
 * both changed (or one removed): entries added on either side merge, they are no clash.
 */
function clash(field: string, base: unknown, theirs: unknown, mine: unknown) {
  if (same(base, theirs)) return undefined;
  if (!isEntries(mine) && !isEntries(base)) return { field, theirs, mine };
  const ids = clashingEntries(asEntries(base), asEntries(mine), asEntries(theirs));
  if (!ids.length) return undefined;
  const pick = (list: unknown) => asEntries(list).filter((e) => ids.includes(String(e.unique_id)));
  return { field, theirs: pick(theirs), mine: pick(mine) };
}

/**
 * A 412 explained: someone saved the case after it was opened here. Their changes to the fields edited
 * here are set side by side with these edits; the user keeps theirs or puts these edits on top.
 */
export function EditConflict(props: {
  forms: FormSet;
  mine: CaseRecord;
  theirs: CaseRecord;
  changes: Record<string, unknown>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const locales = useLocale();
  const t = useT();
  const { forms, mine, theirs, changes } = props;
  const box = useRef<HTMLElement>(null);
  // The Save button is at the bottom of a long form: the explanation comes into view and takes the focus.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
    box.current?.focus();
  }, []);
  const overlapping = Object.keys(changes).flatMap((f) => clash(f, mine[f], theirs[f], changes[f]) ?? []);
  const who = typeof theirs.last_updated_by === 'string' ? theirs.last_updated_by : t('editConflict.someone');
  return (
    <section ref={box} tabIndex={-1} class="conflict" role="alert" aria-labelledby="edit-conflict-title">
      <h2 id="edit-conflict-title">{t('editConflict.title')}</h2>
      <p>
        {t('editConflict.saved', { who })}{' '}
        {overlapping.length ? t('editConflict.both') : t('editConflict.neither')}
      </p>
      {overlapping.length > 0 && (
        <table class="compare">
          <thead>
            <tr>
              <th scope="col">{t('editConflict.field')}</th>
              <th scope="col">{t('editConflict.theirs')}</th>
              <th scope="col">{t('editConflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {overlapping.map((c) => (
              <tr key={c.field}>
                <th scope="row">{fieldLabel(forms, c.field, locales)}</th>
                <td>{displayValue(forms, c.field, c.theirs, locales)}</td>
                <td>{displayValue(forms, c.field, c.mine, locales)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="inline">
        <button type="button" onClick={props.onKeepMine}>
          {t('editConflict.keepMine')}
        </button>
        <button type="button" class="secondary" onClick={props.onTakeTheirs}>
          {t('editConflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
