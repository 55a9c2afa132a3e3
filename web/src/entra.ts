/**
 * Microsoft Entra ID sign-in with MSAL, by redirect (popups are blocked or lost on phones). Loaded only by
 * deployments that sign in with Entra: the built-in sign-in never downloads MSAL (a chunk of its own).
 */
import { PublicClientApplication, type AuthenticationResult } from '@azure/msal-browser';

/** What GET /identity_providers tells the app about the deployment's Entra sign-in. */
export interface EntraSettings {
  clientId: string;
  /** The tenant's authority (`https://login.microsoftonline.com/<tenant>`), no `/v2.0`. */
  authority: string;
  /** The API's scope: a token for the API, not for Microsoft Graph. */
  scopes: string[];
}

export interface EntraSignedIn {
  userName: string;
  accessToken: string;
  expiresAt: string;
}

let client: { key: string; app: Promise<PublicClientApplication> } | undefined;

function msal(settings: EntraSettings): Promise<PublicClientApplication> {
  const key = `${settings.clientId} ${settings.authority}`;
  if (client?.key !== key) {
    const app = new PublicClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        // The authority's own metadata is trusted as configured, without asking Microsoft's instance discovery.
        knownAuthorities: [new URL(settings.authority).host],
        redirectUri: `${location.origin}/`,
        postLogoutRedirectUri: `${location.origin}/`,
      },
      // Tokens only, for this tab: no record data ever goes here.
      cache: { cacheLocation: 'sessionStorage' },
    });
    client = { key, app: app.initialize().then(() => app) };
  }
  return client.app;
}

const signedIn = (result: AuthenticationResult): EntraSignedIn => ({
  userName: (result.account?.username ?? '').toLowerCase(),
  accessToken: result.accessToken,
  expiresAt: (result.expiresOn ?? new Date()).toISOString(),
});

/** Sends the browser to Microsoft's sign-in page; it comes back to this origin's `/`. */
export async function startEntraSignIn(settings: EntraSettings): Promise<void> {
  const app = await msal(settings);
  await app.loginRedirect({ scopes: settings.scopes, prompt: 'select_account' });
}

/** The sign-in the redirect brought back, or a token for the account already signed in; else undefined. */
export async function completeEntraSignIn(settings: EntraSettings): Promise<EntraSignedIn | undefined> {
  const app = await msal(settings);
  const result = await app.handleRedirectPromise();
  if (result) return signedIn(result);
  const account = app.getAllAccounts()[0];
  if (!account) return undefined;
  try {
    return signedIn(await app.acquireTokenSilent({ scopes: settings.scopes, account }));
  } catch {
    return undefined;
  }
}

/** Signs out of Microsoft too, so the next person on a shared phone is asked who they are. */
export async function signOutOfEntra(settings: EntraSettings): Promise<void> {
  const app = await msal(settings);
  const account = app.getAllAccounts()[0];
  await app.logoutRedirect({ ...(account ? { account } : {}), postLogoutRedirectUri: `${location.origin}/` });
}
