/**
 * The device's storage, behind one typed module: an IndexedDB database per user whose every value is sealed
 * with AES-GCM under a random data key. The data key is kept only wrapped by a key derived from the
 * password (PBKDF2-SHA-256), so a lost phone yields nothing without the password. No record data goes to
 * localStorage, URLs or the service worker cache. Two values are kept unsealed: the wrapped key, and the time
 * of the last sync (no record data), which the sign-in screen shows before the password opens anything.
 */

const STORES = ['meta', 'records', 'queue'] as const;
export type StoreName = (typeof STORES)[number];
const PBKDF2_ITERATIONS = 600_000; // OWASP 2023 figure for PBKDF2-HMAC-SHA256
const SYNCED_AT = 'synced_at';

interface WrappedKey {
  salt: Uint8Array;
  iv: Uint8Array;
  wrapped: ArrayBuffer;
}
interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export class WrongPassword extends Error {}

/**
 * The vault was closed (the app locked or signed out) while work begun before was still running: a sync
 * half-way, a screen's read. That work stops here instead of failing on IndexedDB's "connection is
 * closing"; what it would have written is fetched or sent again once the vault is open (pulls and pushes
 * are repeatable).
 */
export class VaultClosed extends Error {
  constructor() {
    super('The device copy is locked');
  }
}

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

function openDatabase(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  // Version 1 is the first schema; later versions add migrations here, never a wipe.
  req.onupgradeneeded = () => STORES.forEach((s) => req.result.createObjectStore(s));
  return request(req);
}

async function passwordKey(password: string, salt: Uint8Array): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: PBKDF2_ITERATIONS },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** Told of every write and delete, so that each screen showing a value shows the same one. */
export type VaultListener = (store: StoreName, id: string) => void;

export class Vault {
  private readonly listeners = new Set<VaultListener>();
  private readonly closedElsewhere = new Set<(deleted: boolean) => void>();
  private closed = false;

  private constructor(
    private readonly db: IDBDatabase,
    private readonly key: CryptoKey,
  ) {
    // Another tab deletes the database (signing out) or would upgrade it: an open connection holds that up
    // for as long as it stays open, and the other tab's sign-out with it. Closed at once, and said.
    db.onversionchange = (event) => {
      const told = [...this.closedElsewhere];
      this.close();
      for (const listener of told) listener(event.newVersion === null);
    };
  }

  /**
   * Calls `listener` if another tab of the browser closes this vault: `deleted` when it erased the device
   * copy (a sign-out there), otherwise it needs the database for a newer version of the app.
   */
  onClosedElsewhere(listener: (deleted: boolean) => void): () => void {
    this.closedElsewhere.add(listener);
    return () => void this.closedElsewhere.delete(listener);
  }

  static databaseName = (userName: string) => `primero-${userName}`;

  static async exists(userName: string): Promise<boolean> {
    const list = await indexedDB.databases();
    return list.some((d) => d.name === Vault.databaseName(userName));
  }

  /** Opens the user's vault with the password, creating it (and its data key) on first sign-in. */
  static async open(userName: string, password: string): Promise<Vault> {
    const db = await openDatabase(Vault.databaseName(userName));
    const stored = await request<WrappedKey | undefined>(
      db.transaction('meta').objectStore('meta').get('data_key'),
    );
    if (stored) {
      const kek = await passwordKey(password, stored.salt);
      try {
        const key = await crypto.subtle.unwrapKey(
          'raw',
          stored.wrapped,
          kek,
          { name: 'AES-GCM', iv: stored.iv as BufferSource },
          'AES-GCM',
          false,
          ['encrypt', 'decrypt'],
        );
        return new Vault(db, key);
      } catch {
        db.close();
        throw new WrongPassword('Wrong password for the data on this device');
      }
    }
    const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
      'encrypt',
      'decrypt',
    ]);
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const wrapped = await crypto.subtle.wrapKey('raw', dataKey, await passwordKey(password, salt), {
      name: 'AES-GCM',
      iv,
    });
    await request(
      db.transaction('meta', 'readwrite').objectStore('meta').put({ salt, iv, wrapped }, 'data_key'),
    );
    return new Vault(db, dataKey);
  }

  private async seal(value: unknown): Promise<Sealed> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(JSON.stringify(value));
    return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, this.key, plain) };
  }

  private async unseal<T>(sealed: Sealed): Promise<T> {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv as BufferSource },
      this.key,
      sealed.data,
    );
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  }

  /** A transaction on the open vault; a closed one refuses with VaultClosed. */
  private transaction(store: StoreName, mode: IDBTransactionMode = 'readonly'): IDBObjectStore {
    if (this.closed) throw new VaultClosed();
    return this.db.transaction(store, mode).objectStore(store);
  }

  async put(store: StoreName, id: string, value: unknown): Promise<void> {
    const sealed = await this.seal(value);
    await request(this.transaction(store, 'readwrite').put(sealed, id));
    this.changed(store, id);
  }

  async get<T>(store: StoreName, id: string): Promise<T | undefined> {
    const sealed = await request<Sealed | undefined>(this.transaction(store).get(id));
    return sealed ? this.unseal<T>(sealed) : undefined;
  }

  /** Every value of a store, in key order (queue keys sort oldest first). */
  async all<T>(store: StoreName): Promise<T[]> {
    const sealed = await request<Sealed[]>(this.transaction(store).getAll());
    return Promise.all(sealed.map((s) => this.unseal<T>(s)));
  }

  async delete(store: StoreName, id: string): Promise<void> {
    await request(this.transaction(store, 'readwrite').delete(id));
    this.changed(store, id);
  }

  /** The keys of a store (its values stay sealed). */
  async keys(store: StoreName): Promise<string[]> {
    return (await request(this.transaction(store).getAllKeys())).map(String);
  }

  /**
   * Empties the records and the queue, and the meta store but for `keepMeta` and the wrapped key: the
   * device then holds nothing of the data it had, and the same password still opens it.
   */
  async clearExcept(keepMeta: string[]): Promise<void> {
    if (this.closed) throw new VaultClosed();
    const keep = new Set([...keepMeta, 'data_key']);
    const tx = this.db.transaction(STORES, 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    tx.objectStore('records').clear();
    tx.objectStore('queue').clear();
    const meta = tx.objectStore('meta');
    const keys = await request(meta.getAllKeys());
    for (const key of keys) if (!keep.has(String(key))) meta.delete(key);
    await done;
    for (const store of STORES) this.changed(store, '');
  }

  /** Calls `listener` after each write or delete from now on; the function returned stops that. */
  onChange(listener: VaultListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private changed(store: StoreName, id: string) {
    for (const listener of this.listeners) listener(store, id);
  }

  /** Kept unsealed: see the top of this file. */
  async setSyncedAt(at: string): Promise<void> {
    await request(this.transaction('meta', 'readwrite').put(at, SYNCED_AT));
    this.changed('meta', SYNCED_AT);
  }

  async syncedAt(): Promise<string | undefined> {
    const plain = await request<unknown>(this.transaction('meta').get(SYNCED_AT));
    // Earlier versions of the app kept it sealed.
    return typeof plain === 'string' ? plain : this.get<string>('meta', 'last_sync');
  }

  /** When the locked copy of `userName`'s data was last synced, if this device holds one. */
  static async syncedAtOf(userName: string): Promise<string | undefined> {
    if (!(await Vault.exists(userName))) return undefined;
    const db = await openDatabase(Vault.databaseName(userName));
    try {
      const plain = await request<unknown>(db.transaction('meta').objectStore('meta').get(SYNCED_AT));
      return typeof plain === 'string' ? plain : undefined;
    } finally {
      db.close();
    }
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.closedElsewhere.clear();
    this.db.close();
  }

  /** Sign-out wipes the device's copy. */
  static async wipe(userName: string): Promise<void> {
    await request(indexedDB.deleteDatabase(Vault.databaseName(userName)));
  }
}
