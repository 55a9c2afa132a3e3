import { createApp, type App } from './app';
import { loadConfig } from './config';

let current: App | undefined;

/**
 * The one App of this process. In Azure it is built from the app settings the first time a function
 * module loads, so a bad setting stops the worker at start with a message naming it. Hosts and tests that
 * built their own App (against emulators, with a test clock) provide it before loading the functions.
 */
export function getApp(): App {
  current ??= createApp(loadConfig());
  return current;
}

export function provideApp(app: App | undefined): void {
  current = app;
}
