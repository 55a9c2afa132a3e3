import { isUploadKey } from './attachments';
import { draftsOnDevice, readNewCase } from './caseDraft';
import type { Vault } from './vault';

/**
 * A user of several countries works in one at a time: the server needs the country named on every call
 * (`X-Country-Code`), and the device holds one country's caseload, its forms and its sync position. Another
 * country replaces them, but only once nothing typed in the first is left unsent.
 */
const COUNTRY = 'country';
const KEPT_ACROSS_COUNTRIES = ['session', COUNTRY];

export const countryOnDevice = (vault: Vault) => vault.get<string>('meta', COUNTRY);

/**
 * What switching would lose, by what the user has to do about it: changes waiting to be sent and files
 * waiting to upload (go online), cases with edits not saved, by name, and a new case not created yet (save or
 * discard them). Edits of a case no longer on the device (assigned away, say) do not count: they can no longer
 * be saved, and would otherwise hold the user in this country for good.
 */
export interface Unsent {
  changes: number;
  files: number;
  /** The cases holding edits or notes not saved: the ones Home lists. */
  edited: string[];
  newCase: boolean;
}

export async function unsentOnDevice(vault: Vault): Promise<Unsent> {
  const changes = (await vault.keys('queue')).length;
  const files = (await vault.keys('meta')).filter(isUploadKey).length;
  const edited = (await draftsOnDevice(vault)).map((c) => c.name);
  return { changes, files, edited, newCase: !!(await readNewCase(vault)) };
}

const nothingUnsent = (u: Unsent) => !u.changes && !u.files && !u.edited.length && !u.newCase;

/** `switched`: the device held another country's data, now gone (the screen it was on is too). */
export type CountrySwitch = { ok: true; switched: boolean } | { ok: false; holding: string; unsent: Unsent };

/** Makes `code` the device's country: the one it holds already, or another once nothing is left unsent. */
export async function workIn(vault: Vault, code: string): Promise<CountrySwitch> {
  const holding = await countryOnDevice(vault);
  if (holding === code) return { ok: true, switched: false };
  if (holding) {
    const unsent = await unsentOnDevice(vault);
    if (!nothingUnsent(unsent)) return { ok: false, holding, unsent };
  }
  await vault.clearExcept(KEPT_ACROSS_COUNTRIES);
  await vault.put('meta', COUNTRY, code);
  return { ok: true, switched: holding !== undefined };
}

/** The country's name in the language on screen ("Kenya", "Kenia"), its code where the browser has none. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// Another tab of the same browser shares the device's database: told of a switch, it locks, so that it
// neither shows nor writes the country the device no longer holds.
const channel = () =>
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('primero-country');

/** Tells the app's other tabs that `userName`'s device data is now `code`'s. */
export function announceSwitch(userName: string, code: string): void {
  const c = channel();
  c?.postMessage({ userName, code });
  c?.close();
}

/** Calls `onSwitched` when another tab makes `userName`'s device data another country's; returns a stop. */
export function onSwitchElsewhere(userName: string, onSwitched: (code: string) => void): () => void {
  const c = channel();
  if (!c) return () => undefined;
  c.onmessage = (event: MessageEvent<{ userName?: string; code?: string }>) => {
    if (event.data.userName === userName && event.data.code) onSwitched(event.data.code);
  };
  return () => c.close();
}
