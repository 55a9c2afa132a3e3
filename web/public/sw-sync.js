/* global self */
// Background Sync for the Workbox service worker (imported by it, see web/vite.config.mts). The changes
// waiting on the device are sealed under a key only an unlocked page holds, so the worker cannot send them
// itself: when the browser says the network is back, it wakes the open pages (a page loaded before the
// worker took over is not controlled by it, yet is ours all the same), which push them.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'primero-push') return;
  event.waitUntil(
    self.clients
      .matchAll({ type: 'window', includeUncontrolled: true })
      .then((pages) => pages.forEach((page) => page.postMessage({ type: 'primero-push' }))),
  );
});
