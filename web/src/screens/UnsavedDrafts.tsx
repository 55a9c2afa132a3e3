import { useEffect, useState } from 'preact/hooks';
import { draftsOnDevice, readNewCase, type NewCaseDraft, type UnsavedCase } from '../caseDraft';
import { formatDate, useLocale, useT } from '../i18n/locale';
import type { Vault } from '../vault';

/**
 * Home's list of the cases holding edits not saved (kept through a lock or a reload): otherwise they stay
 * out of sight until their case happens to be opened, and keep a regional user from switching country.
 */
export function UnsavedDrafts({
  vault,
  onOpen,
  onNewCase,
}: {
  vault: Vault;
  onOpen: (id: string, at?: string) => void;
  onNewCase: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [drafts, setDrafts] = useState<UnsavedCase[]>([]);
  const [newCase, setNewCase] = useState<NewCaseDraft>();
  useEffect(() => {
    void draftsOnDevice(vault).then(setDrafts, () => undefined);
    void readNewCase(vault).then(setNewCase, () => undefined);
  }, [vault]);
  if (!drafts.length && !newCase) return null;
  return (
    <section class="notice-box" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('home.drafts')}</h2>
      <p class="hint">{t('home.draftsHint')}</p>
      <ul class="list">
        {newCase && (
          <li>
            <button class="row" onClick={onNewCase}>
              <span>
                {t('home.draftNewCase')}
                {newCase.fields.name.trim() && (
                  <>
                    {': '}
                    <bdi>{newCase.fields.name.trim()}</bdi>
                  </>
                )}
              </span>
              <span class="badge">{formatDate(locale, newCase.at, true)}</span>
            </button>
          </li>
        )}
        {drafts.map(({ id, name, at, place }) => (
          <li key={id}>
            <button class="row" onClick={() => onOpen(id, place)}>
              <bdi>{name}</bdi>
              <span class="badge">{formatDate(locale, at, true)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
