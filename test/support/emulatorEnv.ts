import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CertificatePaths } from '../../src/local/certificate';
import { emulatorAppSettings, type EmulatorPorts } from '../../src/local/emulators';

interface EmulatorInfo {
  ports: EmulatorPorts;
  cert: CertificatePaths;
  dir: string;
}

export function emulatorInfo(): EmulatorInfo {
  const raw = process.env.TEST_EMULATORS;
  if (!raw)
    throw new Error('TEST_EMULATORS is not set: run the tests with jest (globalSetup starts the emulators)');
  return JSON.parse(raw) as EmulatorInfo;
}

/** App settings for one test file: the shared emulators, and a database and key store of its own. */
export function testAppSettings(): Record<string, string> {
  const info = emulatorInfo();
  const suffix = randomBytes(6).toString('hex');
  return {
    ...emulatorAppSettings(info.ports, info.cert, join(info.dir, `keys-${suffix}.json`)),
    COSMOS_DATABASE: `test-${suffix}`,
    LOG_LEVEL: 'silent',
  };
}
