import { useEffect, useState } from 'preact/hooks';
import { draftsOnDevice, type CaseDraft } from '../caseDraft';
import { formatDate, useLocale, useT } from '../i18n/locale';
import type { Vault } from '../vault';

/**
 * Home's list of the cases holding edits not saved (kept through a lock or a reload): otherwise they stay
 * out of sight until their case happens to be opened, and keep a regional user from switching country.
 */
export function UnsavedDrafts({ vault, onOpen }: { vault: Vault; onOpen: (id: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [drafts, setDrafts] = useState<{ id: string; draft: CaseDraft }[]>([]);
  useEffect(() => {
    void draftsOnDevice(vault).then(setDrafts, () => undefined);
  }, [vault]);
  if (!drafts.length) return null;
  return (
    <section class="notice-box" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('home.drafts')}</h2>
      <p class="hint">{t('home.draftsHint')}</p>
      <ul class="list">
        {drafts.map(({ id, draft }) => (
          <li key={id}>
            <button class="row" onClick={() => onOpen(id)}>
              <bdi>{draft.base.name ?? draft.base.case_id_display ?? id}</bdi>
              <span class="badge">{formatDate(locale, draft.at, true)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
