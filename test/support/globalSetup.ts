import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificate } from '../../src/local/certificate';
import { startEmulators, type RunningEmulators } from '../../src/local/emulators';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts Azurite (in memory) and the Cosmos emulator on free ports for the whole run. */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'primero-test-'));
  const cert = await ensureCertificate(join(dir, 'cert'));
  const ports = {
    cosmos: await freePort(),
    blob: await freePort(),
    queue: await freePort(),
    table: await freePort(),
  };
  const emulators = await startEmulators(ports, cert);
  (globalThis as { __emulators?: RunningEmulators }).__emulators = emulators;
  // Test workers start after this and inherit the environment.
  process.env.TEST_EMULATORS = JSON.stringify({ ports, cert, dir });
}
