import { join } from 'node:path';
import { emulatorAppSettings, type EmulatorPorts } from './emulators';

/** The emulator ports of `npm start`, each overridable by its environment variable. */
export function localPorts(env: NodeJS.ProcessEnv = process.env): EmulatorPorts {
  const port = (name: string, fallback: number) => Number(env[name] ?? fallback);
  return {
    cosmos: port('COSMOS_PORT', 8081),
    blob: port('AZURITE_BLOB_PORT', 10000),
    queue: port('AZURITE_QUEUE_PORT', 10001),
    table: port('AZURITE_TABLE_PORT', 10002),
  };
}

/** The settings `npm start` gives the app, for scripts run beside it. */
export function localAppSettings(root: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const ports = localPorts(env);
  const dataDir = join(root, '.data');
  const cert = { certPath: join(dataDir, 'cosmos', 'cert.pem'), keyPath: join(dataDir, 'cosmos', 'key.pem') };
  return emulatorAppSettings(ports, cert, join(dataDir, 'keys.json'));
}
