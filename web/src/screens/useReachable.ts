import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';

/**
 * Whether the server answers (a real request, not `navigator.onLine`): asked at once, when the browser says
 * the network changed, and again after a while (soon while offline); undefined until the first answer.
 */
export function useReachable(): boolean | undefined {
  const [online, setOnline] = useState<boolean>();
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const probe = () => {
      clearTimeout(timer);
      void api.reachable().then((reachable) => {
        if (!live) return;
        setOnline(reachable);
        timer = setTimeout(probe, reachable ? 30_000 : 5_000);
      });
    };
    probe();
    window.addEventListener('online', probe);
    window.addEventListener('offline', probe);
    return () => {
      live = false;
      clearTimeout(timer);
      window.removeEventListener('online', probe);
      window.removeEventListener('offline', probe);
    };
  }, []);
  return online;
}
