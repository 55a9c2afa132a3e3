import { useEffect, useRef } from 'preact/hooks';
import type { CaseRecord } from '../api';
import type { FormSet } from '../forms/serverForms';
import { displayValue, fieldLabel } from '../forms/values';
import { useLocale, useT } from '../i18n/locale';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

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
  const overlapping = Object.keys(changes).filter((f) => !same(mine[f], theirs[f]));
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
            {overlapping.map((f) => (
              <tr key={f}>
                <th scope="row">{fieldLabel(forms, f, locales)}</th>
                <td>{displayValue(forms, f, theirs[f], locales)}</td>
                <td>{displayValue(forms, f, changes[f], locales)}</td>
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
