import { join } from 'node:path';
import { createApp } from '../src/app';
import { localAppSettings } from '../src/local/localSettings';
import { loadConfig } from '../src/config';
import { reencryptCountry } from '../src/crypto/reencryption';
import { parseArgs } from './cliArgs';

/**
 * `npm run keys:rotate -- --country GH [--resume] [--batch 100]`: makes a new version of the country's data
 * key, then re-encrypts every record sealed with an older one, showing progress. Uses the app's settings
 * (from the environment; without them, the emulators of a running npm start). Safe to interrupt and run
 * again with --resume (re-encrypt without a new version).
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const country = typeof args.country === 'string' ? args.country.toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(country)) throw new Error('--country is required (e.g. --country GH)');
  const batchSize = typeof args.batch === 'string' ? Number(args.batch) : 100;
  // In Azure (or with its settings exported) the app settings; otherwise the emulators of a running npm start.
  const env = process.env.COSMOS_ENDPOINT
    ? process.env
    : { ...localAppSettings(join(__dirname, '..', '..')), LOG_LEVEL: 'warn' };
  const app = createApp(loadConfig(env));
  if (args.resume !== true) {
    const key = await app.dataKeys.rotate(country);
    console.log(`New data key version for ${country}: ${key.version}`);
  }
  const started = Date.now();
  const result = await reencryptCountry(
    { cases: app.records.cases, dataKeys: app.dataKeys, clock: app.clock },
    country,
    {
      batchSize,
      onProgress: (p) => {
        const eta = p.secondsLeft === null ? '?' : `${Math.ceil(p.secondsLeft)} s`;
        process.stdout.write(
          `\r  ${p.done} / ${p.total} records re-encrypted, ${p.recordsPerSecond.toFixed(1)}/s, ${eta} left   `,
        );
      },
    },
  );
  console.log(
    `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.done} re-encrypted, ${result.skipped} changed meanwhile (run again with --resume to revisit them).`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
