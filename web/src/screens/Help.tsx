import { useState } from 'preact/hooks';
import { useT } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';

/** What each screen is for, in a caseworker's words: how many points each screen's help has (toolTexts.ts). */
const HELP: Record<string, number> = { home: 3, list: 3, case: 4, 'new-case': 2, record: 1, admin: 2 };

export function HelpPanel({ screen, onClose }: { screen: string; onClose: () => void }) {
  const t = useT();
  const at = Object.keys(HELP).includes(screen) ? screen : 'home';
  const points = Array.from({ length: HELP[at]! }, (_, i) => t(`help.${at}.${i + 1}` as MessageKey));
  return (
    <aside id="help-panel" class="help" aria-labelledby="help-title">
      <h2 id="help-title">{t('help.title', { screen: t(`help.${at}.title` as MessageKey) })}</h2>
      <ul>
        {points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        {t('help.close')}
      </button>
    </aside>
  );
}

const TOUR: MessageKey[] = ['tour.1', 'tour.2', 'tour.3'];
// Only whether the tour was seen is kept in localStorage: no record data ever goes there.
const SEEN = 'primero-tour-seen';

/** A short first-run tour, shown once per device and never in the way (not a modal). */
export function Tour() {
  const t = useT();
  const [step, setStep] = useState(() => (localStorage.getItem(SEEN) ? -1 : 0));
  if (step < 0) return null;
  const close = () => {
    localStorage.setItem(SEEN, '1');
    setStep(-1);
  };
  return (
    <section class="tour" aria-labelledby="tour-title">
      <h2 id="tour-title">{t('tour.title', { step: step + 1, of: TOUR.length })}</h2>
      <p>{t(TOUR[step]!)}</p>
      <div class="inline">
        {step < TOUR.length - 1 ? (
          <button type="button" onClick={() => setStep(step + 1)}>
            {t('tour.next')}
          </button>
        ) : (
          <button type="button" onClick={close}>
            {t('tour.done')}
          </button>
        )}
        <button type="button" class="secondary" onClick={close}>
          {t('tour.skip')}
        </button>
      </div>
    </section>
  );
}
