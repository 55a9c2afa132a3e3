import { useState } from 'preact/hooks';
import { useT } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';

/** What each screen is for, in a caseworker's words. */
const HELP: Record<string, { title: string; points: string[] }> = {
  home: {
    title: 'Home',
    points: [
      'My tasks lists the follow-ups, assessments, case plans and services that are due; overdue work comes first.',
      'Approvals, transfers and referrals waiting for you, and flagged cases, are listed below. Tap one to open the case.',
      'The bar at the top says whether you are online, how many changes wait to be sent, and when the app last synced.',
    ],
  },
  list: {
    title: 'Lists',
    points: [
      'Search by a name or an id, then narrow the list with the filters; "More filters" has sex, age, flagged and "Only mine".',
      'Offline, the cases kept on this device are searched instead of the server.',
      'In GBV cases the survivor’s name is hidden in lists; it shows when you open the case.',
    ],
  },
  case: {
    title: 'A case',
    points: [
      'Change the fields and press Save. Offline, the change is kept on this device and sent when you are back online.',
      'Add photos, documents or audio under "Photos and documents". Offline photos wait on the device, encrypted.',
      'Under Casework: flag the case, add notes, request approval, assign, refer or transfer it, record an incident, see its history.',
      'A field with a “?” has help from your country’s configuration: open it to read the guidance and guiding questions.',
    ],
  },
  'new-case': {
    title: 'A new case',
    points: [
      'Ask the consent questions first: a referral later needs consent for services.',
      'You can take a photo with the camera; it is uploaded with the case, or kept on the device until you are online.',
    ],
  },
  record: {
    title: 'A record',
    points: ['Incidents and tracing requests are shown read-only here.'],
  },
  admin: {
    title: 'Administration',
    points: [
      'Create users, disable them, reset a password (the user must change it at next sign-in) or unlock an account locked after failed sign-ins.',
      'Roles, user groups, forms, lookups and locations can be browsed here; change them through the API.',
    ],
  },
};

export function HelpPanel({ screen, onClose }: { screen: string; onClose: () => void }) {
  const t = useT();
  const help = HELP[screen] ?? HELP.home!;
  return (
    <aside id="help-panel" class="help" aria-labelledby="help-title">
      <h2 id="help-title">{t('help.title', { screen: help.title })}</h2>
      <ul>
        {help.points.map((p) => (
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
