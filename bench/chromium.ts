/** Debian's Chromium, or CHROMIUM_PATH: the browser the web tests and the Lighthouse bench drive. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, and nothing that reaches for the network by itself: on a closed network Chromium's background
 * connections are refused many at a time (MACHINE.md).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
