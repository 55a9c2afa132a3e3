import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  funcignore,
  packageFiles,
  requiredNativePackages,
  target,
  type LockFile,
} from './packaging/packageContents';
import { bundleFiles, stageApp, stagedApp } from './packaging/bundleApp';
import { writeZip } from './packaging/writeZip';

export const packagePath = '.package/primero-serverless.zip';

/**
 * `npm run package`: builds dist/ (the npm script does) and writes .package/primero-serverless.zip, the one
 * deployment package of every deploy route (docs/deploy.md). Contents: what `.funcignore` admits (the built web
 * app dist/web among it), with
 * production dependencies only, and the function modules bundled into one file (packaging/bundleApp.ts). It
 * packs the node_modules installed here, so it runs only where npm installed the Linux x64 (glibc) binary of @node-rs/argon2 that Flex Consumption workers load.
 */
async function main() {
  const root = join(__dirname, '..', '..');
  const glibc = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)
    ?.header?.glibcVersionRuntime;
  if (process.platform !== target.os || process.arch !== target.cpu || !glibc) {
    throw new Error(
      `Package on Linux x64 with glibc (CI, WSL or a container): Flex Consumption runs there, and the package ` +
        `carries the native binaries installed here (this is ${process.platform}-${process.arch}).`,
    );
  }
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as LockFile;
  const missing = requiredNativePackages(lock).filter((p) => !existsSync(join(root, p)));
  if (missing.length > 0) throw new Error(`Not installed: ${missing.join(', ')}. Run npm ci first.`);
  const functions = existsSync(join(root, 'dist/functions')) ? readdirSync(join(root, 'dist/functions')) : [];
  if (!functions.some((f) => f.endsWith('.js')))
    throw new Error('dist/functions is empty: npm run build first.');
  // The web app ships too: the web-app function serves dist/web on the API's origin.
  if (!existsSync(join(root, 'dist/web/index.html')))
    throw new Error('dist/web has no index.html: npm run build first (it runs build:web).');

  await stageApp(root);
  // The compiled modules of dist/functions and dist/src give way to the bundle of them (bundleApp.ts).
  const files = [
    ...packageFiles(root, funcignore(readFileSync(join(root, '.funcignore'), 'utf8')), lock).filter(
      (f) => !/^dist\/(functions|src)\//.test(f),
    ),
    ...bundleFiles.map((name) => ({ name, source: `${stagedApp}/${name}` })),
  ];
  const out = join(root, packagePath);
  rmSync(out, { force: true });
  mkdirSync(join(root, '.package'), { recursive: true });
  await writeZip(root, files, out);
  console.log(`Wrote ${packagePath} (${files.length} files).`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
