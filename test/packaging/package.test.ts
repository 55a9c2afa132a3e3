import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Ignore } from 'ignore';
import { bundleFiles } from '../../scripts/packaging/bundleApp';
import { funcignore, shippedPackages, type LockFile } from '../../scripts/packaging/packageContents';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const funcignoreText = read('.funcignore');
const lock = JSON.parse(read('package-lock.json')) as LockFile;
const manifest = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

type Exports = string | null | { [key: string]: Exports } | Exports[];
const pick = (e: Exports | undefined): string | undefined => {
  if (typeof e === 'string') return e;
  if (!e || Array.isArray(e)) return Array.isArray(e) ? pick(e[0]) : undefined;
  if ('.' in e) return pick(e['.']);
  for (const condition of ['node', 'require', 'import', 'default'])
    if (condition in e) return pick(e[condition]);
  return undefined;
};

/** The file Node loads for `require(pkg)` / `import pkg`, from the package's own manifest. */
function entryFile(packageDir: string): string {
  const pkg = JSON.parse(read(`${packageDir}/package.json`)) as { main?: string; exports?: Exports };
  let entry = (pick(pkg.exports) ?? pkg.main ?? 'index.js').replace(/^\.\//, '');
  if (!/\.[cm]?js(on)?$/.test(entry) && !existsSync(join(root, packageDir, entry))) entry += '.js';
  else if (existsSync(join(root, packageDir, entry, 'index.js'))) entry += '/index.js';
  return `${packageDir}/${entry}`;
}

/** What .funcignore (read with gitignore semantics) gets wrong over the built tree. */
function funcignoreProblems(rules: Ignore): string[] {
  const mustShip = [
    ...readdirSync(join(root, 'dist/functions'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `dist/functions/${f}`),
    'dist/functions/_shared/http.js',
    'dist/src/app.js',
    'dist/package.json',
    'dist/web/index.html',
    'dist/web/sw.js',
    'host.json',
    'package.json',
    ...Object.keys(manifest.dependencies).map((name) => entryFile(`node_modules/${name}`)),
  ];
  const mustNotShip = [
    ...execFileSync('git', ['ls-files', '*.ts', 'test', '.github'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean),
    '.data/cosmos/db.json',
    '.data/azurite/__blobstorage__/x',
    'local.settings.json',
    '.package/primero-serverless.zip',
  ];
  return [
    ...mustShip.filter((f) => rules.ignores(f)).map((f) => `${f} is left out`),
    ...mustNotShip.filter((f) => !rules.ignores(f)).map((f) => `${f} would ship`),
  ];
}

describe('.funcignore', () => {
  beforeAll(() => {
    // The built tree: every function file and every production dependency must exist to be checked.
    if (!existsSync(join(root, 'dist/functions/records.js')))
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: root });
  }, 120_000);

  it('keeps the compiled functions, host.json, package.json and every dependency entry; drops sources, tests, data, settings', () => {
    expect(funcignoreProblems(funcignore(funcignoreText))).toEqual([]);
  });

  it('anchors every pattern (a bare name matches at any depth for Core Tools and azd)', () => {
    const patterns = funcignoreText.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(patterns.filter((p) => !p.replace(/^!/, '').startsWith('/'))).toEqual([]);
  });

  it('an unanchored functions/ drops the compiled functions and @azure/functions', () => {
    const problems = funcignoreProblems(funcignore(`${funcignoreText}\nfunctions/\n`));
    expect(problems).toEqual(
      expect.arrayContaining([
        'dist/functions/records.js is left out',
        expect.stringMatching(/^node_modules\/@azure\/functions\/.* is left out$/),
      ]),
    );
  });
});

describe('npm run package', () => {
  let listing: Set<string>;
  beforeAll(() => {
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: 'pipe' });
    const names: string[] = [];
    // Names only: the filter sees each entry and declines to inflate it.
    unzipSync(readFileSync(join(root, '.package/primero-serverless.zip')), {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
    listing = new Set(names);
  }, 240_000);

  it('zips the bundled functions, host.json, package.json and the entry file of every production package', () => {
    const shipped = [...shippedPackages(lock)].filter((p) => existsSync(join(root, p, 'package.json')));
    const expected = [
      'host.json',
      'package.json',
      'dist/package.json',
      // The web app the web-app function serves, with its hashed assets.
      'dist/web/index.html',
      'dist/web/manifest.webmanifest',
      ...bundleFiles,
      ...shipped.map((p) => `${p}/package.json`),
      ...Object.keys(manifest.dependencies).map((name) => entryFile(`node_modules/${name}`)),
    ];
    expect(expected.filter((f) => !listing.has(f))).toEqual([]);
    expect([...listing].filter((f) => /^dist\/web\/assets\/index-[\w-]+\.js$/.test(f))).toHaveLength(1);
    // The argon2 binary the Linux x64 workers load.
    expect(listing).toContain('node_modules/@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node');
    // The bundle replaces the compiled modules: the worker loads one file (issue 18's cold start).
    expect(
      [...listing].filter((f) => /^dist\/(functions|src)\//.test(f) && !bundleFiles.includes(f)),
    ).toEqual([]);
  });

  it('holds no devDependency, source, test, local data or local settings', () => {
    const devPackages = Object.entries(lock.packages)
      .filter(([path, e]) => path.startsWith('node_modules/') && e.dev)
      .map(([path]) => `${path}/`);
    expect(devPackages).toEqual(expect.arrayContaining(['node_modules/typescript/', 'node_modules/jest/']));
    const wrong = [...listing].filter(
      (f) =>
        devPackages.some((d) => f.startsWith(d)) ||
        /\.[cm]?ts$/.test(f) ||
        /^(test|src|functions|scripts|bench|infra|\.data|\.github)\//.test(f) ||
        f === 'local.settings.json',
    );
    expect(wrong).toEqual([]);
    // A devDependency ships only where a production package needs it too (the lock then does not mark it dev).
    const devOnly = Object.keys(manifest.devDependencies).filter(
      (d) => lock.packages[`node_modules/${d}`]?.dev,
    );
    expect(devOnly).toEqual(expect.arrayContaining(['typescript', 'jest', 'azurite', 'eslint']));
    expect(devOnly.filter((d) => listing.has(`node_modules/${d}/package.json`))).toEqual([]);
  });
});
