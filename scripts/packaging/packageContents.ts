import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The parts of package-lock.json (v3) the packaging reads. */
export interface LockFile {
  packages: Record<string, LockEntry>;
}

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

/** Flex Consumption runs Linux x64 workers on glibc: the only native binaries that can load there. */
export const target = { os: 'linux', cpu: 'x64', libc: 'glibc' } as const;

/** `.funcignore` read with gitignore semantics, the way Core Tools and azd read it. */
export function funcignore(text: string): Ignore {
  return ignore().add(text);
}

const fits = (list: string[] | undefined, value: string) =>
  !list || list.includes(value) || (list.every((v) => v.startsWith('!')) && !list.includes(`!${value}`));

/** Whether a lock entry's platform constraints accept the Flex workers. */
export function runsOnTarget(entry: LockEntry): boolean {
  return fits(entry.os, target.os) && fits(entry.cpu, target.cpu) && fits(entry.libc, target.libc);
}

/**
 * The node_modules folders that ship: production packages (not `dev`) whose platform fits the workers.
 * `devOptional` packages stay, as `npm ci --omit=dev` keeps them.
 */
export function shippedPackages(lock: LockFile): Set<string> {
  return new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && runsOnTarget(entry))
      .map(([path]) => path),
  );
}

/** Optional production packages built for the workers' platform (the argon2 binary): they must be installed. */
export function requiredNativePackages(lock: LockFile): string[] {
  return Object.entries(lock.packages)
    .filter(
      ([path, e]) => path.startsWith('node_modules/') && !e.dev && e.optional && e.cpu && runsOnTarget(e),
    )
    .map(([path]) => path);
}

const isPackagePosition = (rel: string) => {
  const parts = rel.split('/');
  const parent = parts[parts.length - 2];
  const grandparent = parts[parts.length - 3];
  return parent === 'node_modules' || (parent?.startsWith('@') === true && grandparent === 'node_modules');
};

/**
 * Every file of the deployment package, as paths from the project root: what `.funcignore` admits, minus
 * the node_modules folders that are not production packages for the workers (devDependencies, other
 * platforms' binaries, extraneous installs). Symbolic links (node_modules/.bin) are left out.
 */
export function packageFiles(root: string, rules: Ignore, lock: LockFile): string[] {
  const shipped = shippedPackages(lock);
  const files: string[] = [];
  const walk = (dir: string, relDir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const rel = relDir ? `${relDir}/${name}` : name;
      const stat = lstatSync(join(dir, name));
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) {
        if (rules.ignores(`${rel}/`)) continue;
        const inNodeModules = rel.split('/').includes('node_modules');
        if (inNodeModules && name !== 'node_modules' && isPackagePosition(rel)) {
          // A scope folder (@azure) holds packages; any other folder here must be a shipped package.
          if (!name.startsWith('@') && !shipped.has(rel)) continue;
        }
        walk(join(dir, name), rel);
      } else if (stat.isFile()) {
        if (rel.split('/').slice(-2, -1)[0] === 'node_modules') continue; // .package-lock.json and the like
        if (!rules.ignores(rel)) files.push(rel);
      }
    }
  };
  walk(root, '');
  return files;
}
