import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { stageApp } from '../scripts/packaging/bundleApp';
import { unreachableSettings } from '../src/local/unreachableSettings';
import { ms, percentile } from './stats';

const TARGET_MS = 300;
const RUNS = 5;

/**
 * Cold start of the function app: a fresh Node process loading what the deployment package's `main` names,
 * the bundle of every function module (scripts/packaging/bundleApp.ts; issue 18's target: at most 300 ms).
 * The compiled, unbundled modules `func start` and the local host load are timed alongside, interleaved, for
 * the ratio. Settings point at nothing: building the App opens no connection. The best of 5 runs, as other
 * processes on a shared machine only ever add time.
 */
export async function benchColdImport(root: string): Promise<string[]> {
  const staged = await stageApp(root);
  const env = unreachableSettings();
  const child = join(__dirname, 'coldImportChild.js');
  const load = (appRoot: string) =>
    Number(execFileSync(process.execPath, [child, appRoot], { env, encoding: 'utf8' }));
  const bundled: number[] = [];
  const unbundled: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bundled.push(load(staged));
    unbundled.push(load(root));
  }
  const best = Math.min(...bundled);
  return [
    `cold import of every function module, fresh process, ${RUNS} runs:`,
    `  bundled (deployed)  best ${ms(best)}  median ${ms(percentile(bundled, 50))}   target <= ${TARGET_MS} ms: ${best <= TARGET_MS ? 'met' : 'MISSED'}`,
    `  unbundled (local)   best ${ms(Math.min(...unbundled))}  median ${ms(percentile(unbundled, 50))}   bundled/unbundled ${(best / Math.min(...unbundled)).toFixed(2)}×`,
  ];
}
