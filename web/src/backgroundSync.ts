/**
 * Background Sync where the browser has it (Chromium): a change queued on the device asks the service
 * worker (web/public/sw-sync.js) to be told when the network returns, and the worker tells the open pages,
 * which push. The online event, focus and the timer in App.tsx do the same where it is missing.
 */
const TAG = 'primero-push';

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

export function askForBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as SyncRegistration).sync?.register(TAG))
    // Refused (permission, private window): the other triggers still push.
    .catch(() => undefined);
}

/** Calls `push` whenever the service worker says the network is back; returns the unsubscribe. */
export function onBackgroundSync(push: () => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  const listener = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === TAG) push();
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
