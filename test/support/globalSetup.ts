import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulators } from '../../src/local/emulators';
import { startEmulatorsOnFreePorts } from '../../src/local/freePorts';

/** Starts Azurite (in memory) and the Cosmos emulator on free ports for the whole run. */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'primero-test-'));
  const { emulators, ports, cert } = await startEmulatorsOnFreePorts(dir);
  (globalThis as { __emulators?: RunningEmulators }).__emulators = emulators;
  // Test workers start after this and inherit the environment.
  process.env.TEST_EMULATORS = JSON.stringify({ ports, cert, dir });
}
