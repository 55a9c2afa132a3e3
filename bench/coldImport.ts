import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { unreachableSettings } from '../src/local/unreachableSettings';
import { ms, percentile } from './stats';

const TARGET_MS = 300;
const RUNS = 5;

/**
 * Cold start of the function app: a fresh Node process loading every function module (issue 18's target:
 * at most 300 ms). Settings point at nothing: building the App opens no connection. The best of 5 runs,
 * as other processes on a shared machine only ever add time.
 */
export function benchColdImport(root: string): string[] {
  const env = unreachableSettings();
  const child = join(__dirname, 'coldImportChild.js');
  const times = Array.from({ length: RUNS }, () =>
    Number(execFileSync(process.execPath, [child, root], { env, encoding: 'utf8' })),
  );
  const best = Math.min(...times);
  return [
    `cold import of every function module, fresh process, ${RUNS} runs:`,
    `  best ${ms(best)}  median ${ms(percentile(times, 50))}   target <= ${TARGET_MS} ms: ${best <= TARGET_MS ? 'met' : 'MISSED'}`,
  ];
}
