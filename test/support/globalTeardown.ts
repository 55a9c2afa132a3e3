import type { RunningEmulators } from '../../src/local/emulators';

export default async function globalTeardown() {
  await (globalThis as { __emulators?: RunningEmulators }).__emulators?.stop();
}
