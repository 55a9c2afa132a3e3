import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COSMOS_EMULATOR_KEY } from './emulators';

/**
 * App settings that pass validation but point at nothing, for a process that only loads the function
 * modules (the cold-start benchmark and test): building the App opens no connection.
 */
export function unreachableSettings(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'primero-cold-'));
  return {
    PATH: process.env.PATH ?? '',
    COSMOS_ENDPOINT: 'https://127.0.0.1:9',
    COSMOS_KEY: COSMOS_EMULATOR_KEY,
    AzureWebJobsStorage: 'UseDevelopmentStorage=true',
    LOCAL_KEY_STORE_PATH: join(dir, 'keys.json'),
    NOTIFY_OUTBOX: join(dir, 'outbox.jsonl'),
  };
}
