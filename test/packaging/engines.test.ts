import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { arrayItems, declarations, decorator, literal } from '../../scripts/infra/bicepModel';
import { parseBicep } from '../../scripts/infra/bicepParser';
import { shippedPackages, type LockFile } from '../../scripts/packaging/packageContents';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const ours = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

/** Installed production packages whose own `engines.node` refuses a Node version that `ours` admits. */
function enginesProblems(range: string): string[] {
  const lock = JSON.parse(read('package-lock.json')) as LockFile;
  return [...shippedPackages(lock)].flatMap((dir) => {
    let engines: { node?: string } | undefined;
    try {
      engines = (JSON.parse(read(`${dir}/package.json`)) as { engines?: { node?: string } }).engines;
    } catch {
      return []; // an optional package for another platform, not installed here
    }
    const theirs = engines?.node;
    return theirs && !semver.subset(range, theirs) ? [`${dir} wants node ${theirs}`] : [];
  });
}

async function bicepNodeVersions(file: string) {
  const param = declarations(await parseBicep(read(file), 'bicep')).find((d) => d.name === 'nodeVersion');
  const allowed = decorator(param!, 'allowed');
  return { default: literal(param?.value), allowed: arrayItems(allowed?.args[0]).map(literal) };
}

describe('Node versions', () => {
  it('every production dependency accepts every Node version package.json claims', () => {
    expect(enginesProblems(ours)).toEqual([]);
  });

  it('a claim wider than the dependencies accept is caught', () => {
    expect(enginesProblems('>=18')).not.toEqual([]);
  });

  it('the claim covers production (Node 22) and the Node 20 of development and CI', () => {
    expect(semver.satisfies('22.12.0', ours)).toBe(true);
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });

  it('the function app runs Node 22 in Bicep, within the claim; README and the workflow say the same', async () => {
    for (const file of ['infra/main.bicep', 'infra/modules/functionapp.bicep']) {
      const versions = await bicepNodeVersions(file);
      expect(versions).toEqual({ default: '22', allowed: ['22'] });
    }
    expect(read('README.md')).toContain('production runs Node.js 22');
    expect(read('.github/workflows/deploy.yml')).not.toMatch(/node-version: (?!22\b)/);
  });
});
