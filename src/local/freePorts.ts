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
  const ports = {
    cosmos: await freePort(),
    blob: await freePort(),
    queue: await freePort(),
    table: await freePort(),
  };
  return { emulators: await startEmulators(ports, cert), ports, cert };
}
