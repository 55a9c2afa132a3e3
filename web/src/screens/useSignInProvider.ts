import { useEffect, useState } from 'preact/hooks';
import { api, type IdentityProvider } from '../api';
import type { EntraSettings } from '../entra';

// The deployment's sign-in, remembered so that the screen is the right one offline and without a flash:
// public settings only (GET /identity_providers), never anything of a user or a record.
const REMEMBERED = 'primero.sign_in';

const entraSettings = (idp: IdentityProvider | undefined): EntraSettings | undefined =>
  idp?.provider_type === 'entra' && idp.client_id && idp.configuration.authority
    ? {
        clientId: idp.client_id,
        authority: idp.configuration.authority.replace(/\/v2\.0\/?$/, ''),
        scopes: idp.identity_scope ?? [],
      }
    : undefined;

const remembered = (): EntraSettings | 'primero' | undefined => {
  try {
    const value = localStorage.getItem(REMEMBERED);
    return value ? (JSON.parse(value) as EntraSettings | 'primero') : undefined;
  } catch {
    return undefined;
  }
};

/** `primero` (user name and password) or the Entra settings MSAL signs in with; undefined while unknown. */
export function useSignInProvider(): EntraSettings | 'primero' | undefined {
  const [provider, setProvider] = useState(remembered);
  useEffect(() => {
    api.identityProviders().then(
      ({ data }) => {
        const next = entraSettings(data[0]) ?? 'primero';
        localStorage.setItem(REMEMBERED, JSON.stringify(next));
        setProvider(next);
      },
      // Offline and never seen online: the built-in form still unlocks the data of this device.
      () => setProvider((known) => known ?? 'primero'),
    );
  }, []);
  return provider;
}
