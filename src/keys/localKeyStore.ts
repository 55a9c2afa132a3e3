import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyStore, SecretVersion } from './keyStore';

interface FileShape {
  secrets: Record<string, { current: string; versions: Record<string, string> }>;
}

/**
 * Stands in for Key Vault on a developer machine. The file is created on first use with owner-only
 * permissions, written atomically, and lives under the git-ignored `.data/` folder.
 */
export class LocalKeyStore implements KeyStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly path: string) {}

  async getSecret(name: string): Promise<SecretVersion | undefined> {
    const entry = (await this.read()).secrets[name];
    if (!entry) return undefined;
    return { version: entry.current, value: entry.versions[entry.current] as string };
  }

  async getSecretVersion(name: string, version: string): Promise<SecretVersion | undefined> {
    const value = (await this.read()).secrets[name]?.versions[version];
    return value === undefined ? undefined : { value, version };
  }

  setSecret(name: string, value: string): Promise<SecretVersion> {
    // Serialised so two writers in one process cannot lose each other's versions.
    const run = this.queue.then(async () => {
      const data = await this.read();
      const version = randomUUID().replaceAll('-', '');
      const entry = (data.secrets[name] ??= { current: version, versions: {} });
      entry.versions[version] = value;
      entry.current = version;
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      const tmp = `${this.path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(data), { mode: 0o600 });
      await rename(tmp, this.path);
      return { value, version };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async ping(): Promise<void> {
    await this.read();
  }

  private async read(): Promise<FileShape> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as FileShape;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { secrets: {} };
      throw error;
    }
  }
}
