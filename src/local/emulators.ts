import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import type { CertificatePaths } from './certificate';

export const AZURITE_ACCOUNT = 'devstoreaccount1';
// Azurite's published development key (documented by Microsoft; it protects nothing).
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
// The Cosmos DB emulator's published key; @vercel/cosmosdb-server accepts any key.
export const COSMOS_EMULATOR_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface EmulatorPorts {
  cosmos: number;
  blob: number;
  queue: number;
  table: number;
}

export interface RunningEmulators {
  ports: EmulatorPorts;
  /** The emulators' processes (a fault test pauses them with SIGSTOP). */
  pids: { azurite: number; cosmos: number };
  stop(): Promise<void>;
}

export function storageConnectionString(ports: EmulatorPorts): string {
  const base = `http://127.0.0.1`;
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `BlobEndpoint=${base}:${ports.blob}/${AZURITE_ACCOUNT}`,
    `QueueEndpoint=${base}:${ports.queue}/${AZURITE_ACCOUNT}`,
    `TableEndpoint=${base}:${ports.table}/${AZURITE_ACCOUNT}`,
  ].join(';');
}

/** The app settings that point the app at these emulators. */
export function emulatorAppSettings(ports: EmulatorPorts, cert: CertificatePaths, keyStorePath: string) {
  return {
    COSMOS_ENDPOINT: `https://127.0.0.1:${ports.cosmos}`,
    COSMOS_KEY: COSMOS_EMULATOR_KEY,
    COSMOS_CA_CERT_PATH: cert.certPath,
    AzureWebJobsStorage: storageConnectionString(ports),
    LOCAL_KEY_STORE_PATH: keyStorePath,
    REENCRYPT_SCHEDULE: '0 */10 * * * *',
    REMINDERS_SCHEDULE: '0 */15 * * * *',
  };
}

// Each emulator runs in a child process (so it never competes with the host for the event loop) that
// exits by itself when its parent is gone, even if the parent was killed without a chance to clean up.
const watchdog = (parentPid: number) =>
  `setInterval(() => { try { process.kill(${parentPid}, 0); } catch { process.exit(0); } }, 1000).unref();`;

const cosmosScript = (parentPid: number) => `
${watchdog(parentPid)}
const { readFileSync } = require('node:fs');
const { createHttpsServer } = require(${JSON.stringify(require.resolve('@vercel/cosmosdb-server'))});
const [port, keyPath, certPath] = process.argv.slice(1);
const server = createHttpsServer({ key: readFileSync(keyPath), cert: readFileSync(certPath) });
server.listen(Number(port), '127.0.0.1');
`;

// Azurite reads its options from process.argv; `-e` leaves no script path there, so one is put back.
const azuriteScript = (parentPid: number, bin: string) => `
${watchdog(parentPid)}
process.argv.splice(1, 0, ${JSON.stringify(bin)});
require(${JSON.stringify(bin)});
`;

/**
 * Starts Azurite and the Cosmos emulator as child processes and waits until both accept connections.
 * `azuriteLocation` persists storage across restarts; without it Azurite keeps everything in memory.
 */
export async function startEmulators(
  ports: EmulatorPorts,
  cert: CertificatePaths,
  azuriteLocation?: string,
): Promise<RunningEmulators> {
  const azuriteBin = join(dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'azurite.js');
  if (azuriteLocation) mkdirSync(azuriteLocation, { recursive: true });
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    children.push(
      spawn(
        process.execPath,
        [
          '-e',
          azuriteScript(process.pid, azuriteBin),
          '--',
          '--blobHost',
          '127.0.0.1',
          '--blobPort',
          String(ports.blob),
          '--queueHost',
          '127.0.0.1',
          '--queuePort',
          String(ports.queue),
          '--tableHost',
          '127.0.0.1',
          '--tablePort',
          String(ports.table),
          '--skipApiVersionCheck',
          '--loose',
          '--silent',
          '--disableTelemetry',
          ...(azuriteLocation ? ['--location', azuriteLocation] : ['--inMemoryPersistence']),
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      ),
    );
    children.push(
      spawn(
        process.execPath,
        ['-e', cosmosScript(process.pid), String(ports.cosmos), cert.keyPath, cert.certPath],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      ),
    );
    await Promise.all([ports.blob, ports.queue, ports.cosmos].map((p) => waitForPort(p, 30_000, children)));
    const [azurite, cosmos] = children.map((c) => c.pid as number) as [number, number];
    return { ports, stop, pids: { azurite, cosmos } };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForPort(port: number, timeoutMs: number, children: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = children.find((c) => c.exitCode !== null);
    if (exited) throw new Error(`An emulator exited early (code ${exited.exitCode}); is port ${port} free?`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for an emulator on port ${port}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
