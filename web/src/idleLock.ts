import { useEffect } from 'preact/hooks';

/** The figure: a phone left on a table locks itself after a quarter of an hour. */
export const IDLE_LOCK_MS = 15 * 60_000;
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Calls `onLock` once nobody has touched the app for `timeoutMs`. Checked on a timer against the clock
 * (not one long timeout), so a phone that slept through the deadline locks as soon as it wakes.
 */
export function useIdleLock(active: boolean, onLock: () => void, timeoutMs = IDLE_LOCK_MS) {
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const touched = () => (last = Date.now());
    ACTIVITY.forEach((e) => window.addEventListener(e, touched, { passive: true }));
    const check = () => {
      if (Date.now() - last >= timeoutMs) onLock();
    };
    const timer = setInterval(check, Math.min(30_000, timeoutMs / 4));
    document.addEventListener('visibilitychange', check);
    return () => {
      ACTIVITY.forEach((e) => window.removeEventListener(e, touched));
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [active, onLock, timeoutMs]);
}
