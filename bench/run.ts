import { join } from 'node:path';
import { startBenchStack } from './benchStack';
import { benchAttachments } from './attachments';
import { benchCases } from './cases';
import { benchEncryption } from './encryption';
import { benchSync } from './sync';

/** `npm run bench`: every benchmark, each printing ratios against a baseline measured in this run. */
async function main() {
  const n = Number(process.env.BENCH_N ?? 200);
  const stack = await startBenchStack(join(__dirname, '..', '..'));
  try {
    console.log((await benchCases(stack, n)).join('\n'));
    console.log((await benchEncryption(stack, n)).join('\n'));
    console.log((await benchAttachments(stack)).join('\n'));
    console.log((await benchSync(stack)).join('\n'));
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
