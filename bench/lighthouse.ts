import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BenchStack } from './benchStack';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';

const TARGETS = { performance: 90, accessibility: 95 };

// lighthouse and puppeteer-core are ESM: a real dynamic import, which the CommonJS build would turn into require.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Lighthouse (12.2.3, mobile emulation, Debian's Chromium) on the sign-in, case list and case screens, as one
 * user flow: the sign-in page as a cold navigation (performance and accessibility), signing in and opening
 * the list, then opening a case, as timespans (performance of what the user waits for), and each screen as a snapshot
 * (accessibility). Lighthouse is not a dependency of the project (about 150 packages): install it with
 * `npm i --no-save lighthouse@12.2.3`, or point LIGHTHOUSE_DIR at a folder where it is installed.
 */
export async function benchLighthouse(stack: BenchStack, root: string): Promise<string[]> {
  const from = createRequire(join(process.env.LIGHTHOUSE_DIR ?? root, 'package.json'));
  let lighthouse: string;
  let puppeteer: string;
  try {
    lighthouse = from.resolve('lighthouse');
    puppeteer = from.resolve('puppeteer-core');
  } catch {
    return ['lighthouse: not installed (npm i --no-save lighthouse@12.2.3, or set LIGHTHOUSE_DIR): skipped'];
  }
  const { startFlow } = await importEsm(lighthouse);
  const { default: pptr } = await importEsm(puppeteer);
  const browser = await pptr.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const flow = await startFlow(page, {
      config: {
        extends: 'lighthouse:default',
        settings: { onlyCategories: ['performance', 'accessibility'] },
      },
    });
    await flow.navigate(stack.url, { name: 'sign-in (navigation)' });
    await flow.startTimespan({ name: 'sign in and open the case list (timespan)' });
    await page.type('#user_name', 'cw_gh');
    await page.type('#password', process.env.DEMO_PASSWORD ?? 'primero-demo-2026!');
    await page.click('button[type=submit]');
    await page.waitForSelector('.list');
    const cases = await page.$$('nav[aria-label=Main] button');
    await cases[1].click();
    await page.waitForSelector('.list .row');
    await flow.endTimespan();
    await flow.snapshot({ name: 'case list' });
    await flow.startTimespan({ name: 'open a case from the list (timespan)' });
    await page.click('.list .row');
    await page.waitForSelector('#actions-title');
    await flow.endTimespan();
    await flow.snapshot({ name: 'case' });
    const result = await flow.createFlowResult();
    const lines = ['lighthouse (mobile), per step:'];
    for (const step of result.steps as {
      name: string;
      lhr: { gatherMode: string; categories: Record<string, { score: number | null }> };
    }[]) {
      const scores = Object.entries(step.lhr.categories)
        // A snapshot has no load to score: only its accessibility counts.
        .filter(
          ([name, c]) => c.score !== null && !(step.lhr.gatherMode === 'snapshot' && name === 'performance'),
        )
        .map(([name, c]) => {
          const score = Math.round((c.score ?? 0) * 100);
          const target = TARGETS[name as keyof typeof TARGETS];
          return `${name} ${score} (target >= ${target}: ${score >= target ? 'met' : 'MISSED'})`;
        });
      lines.push(`  ${step.name}: ${scores.join(', ')}`);
    }
    return lines;
  } finally {
    await browser.close();
  }
}
