import { useRef, useState } from 'preact/hooks';

/**
 * One submission of a form at a time: a double tap on a phone sent a flag, a note or a new case twice (the
 * button's `disabled` comes a render too late to stop the second tap).
 */
export function useOneAtATime() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, run };
}
