import type { Session } from '../api';
import type { EntraSettings } from '../entra';
import type { Vault } from '../vault';

/** A signed-in user whose device data is open: what either sign-in (password or Entra) hands the app. */
export interface Unlocked {
  userName: string;
  vault: Vault;
  session?: Session;
  /** Signed in with Microsoft: sign-out leaves Microsoft's session too. */
  entra?: EntraSettings;
}
