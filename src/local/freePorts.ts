import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureCertificate, type CertificatePaths } from './certificate';
import { startEmulators, type EmulatorPorts, type RunningEmulators } from './emulators';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Azurite (in memory) and the Cosmos emulator on free ports, with a certificate made under `dir` (tests, bench). */
export async function startEmulatorsOnFreePorts(
  dir: string,
): Promise<{ emulators: RunningEmulators; ports: EmulatorPorts; cert: CertificatePaths }> {
  const cert = await ensureCertificate(join(dir, 'cert'));
  // A port found free can be taken before the emulator listens on it (another process's outgoing
  // connection gets it as its ephemeral port, as during an `npm ci`): then new ports, a few times.
  for (let attempt = 1; ; attempt++) {
    const ports = {
      cosmos: await freePort(),
      blob: await freePort(),
      queue: await freePort(),
      table: await freePort(),
    };
    try {
      return { emulators: await startEmulators(ports, cert), ports, cert };
    } catch (error) {
      if (attempt === 3 || !/exited early/.test(String(error))) throw error;
    }
  }
}
