import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Built into dist/web, which the local host (and the function app) serve on the API's origin.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [
    VitePWA({
      // The page registers the worker from its bundle: no inline script, as the CSP demands.
      injectRegister: null,
      registerType: 'prompt',
      manifest: {
        name: 'Primero caseworker',
        short_name: 'Primero',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0f4c81',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // The app shell only: API answers (record data) never enter the service worker's cache.
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        // Background Sync: the worker wakes the open pages when the network returns (web/src/backgroundSync.ts).
        importScripts: ['/sw-sync.js'],
      },
    }),
  ],
});
