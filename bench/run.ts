import { join } from 'node:path';
import { startBenchStack, type BenchStack } from './benchStack';
import { benchAttachments } from './attachments';
import { benchCases } from './cases';
import { benchColdImport } from './coldImport';
import { benchCosmosRequests } from './cosmosRequests';
import { benchEncryption } from './encryption';
import { benchLighthouse } from './lighthouse';
import { benchForms } from './forms';
import { benchReminders } from './reminders';
import { benchSync } from './sync';
import { benchWebBundle } from './webBundle';

const ROOT = join(__dirname, '..', '..');

/** `npm run bench`: every benchmark, each printing ratios against a baseline measured in this run. */
const benchmarks: Record<string, (stack: BenchStack, n: number) => Promise<string[]>> = {
  cases: benchCases,
  forms: benchForms,
  requests: (stack) => benchCosmosRequests(stack),
  encryption: benchEncryption,
  attachments: (stack) => benchAttachments(stack),
  sync: (stack) => benchSync(stack),
  reminders: (stack) => benchReminders(stack),
  imports: () => benchColdImport(ROOT),
  web: async () => benchWebBundle(ROOT),
  lighthouse: (stack) => benchLighthouse(stack, ROOT),
};

/** `BENCH_ONLY=sync,reminders` runs some; `BENCH_N` sets the number of cases of the case benchmarks. */
async function main() {
  const n = Number(process.env.BENCH_N ?? 200);
  const only = process.env.BENCH_ONLY?.split(',');
  const stack = await startBenchStack(ROOT);
  try {
    for (const [name, bench] of Object.entries(benchmarks)) {
      if (!only || only.includes(name)) console.log((await bench(stack, n)).join('\n'));
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
