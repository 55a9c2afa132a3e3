import type { Config } from '../config';

type IdpConfig = Pick<
  Config,
  'AUTH_MODE' | 'ENTRA_TENANT_ID' | 'ENTRA_AUDIENCE' | 'ENTRA_CLIENT_ID' | 'ENTRA_SCOPE' | 'ENTRA_AUTHORITY'
>;

/** Where users of an Entra deployment sign in: ENTRA_AUTHORITY, or the tenant at login.microsoftonline.com. */
export const entraAuthority = (config: IdpConfig) =>
  (config.ENTRA_AUTHORITY ?? `https://login.microsoftonline.com/${config.ENTRA_TENANT_ID}`).replace(
    /\/+$/,
    '',
  );

/** The origins besides its own that the web app's page talks to (the CSP allows them): the authority's. */
export const signInOrigins = (config: IdpConfig): string[] =>
  config.AUTH_MODE === 'entra' ? [new URL(entraAuthority(config)).origin] : [];

/**
 * The deployment's one identity provider in Primero's keys (GET /identity_providers, GET /primero):
 * Microsoft Entra ID when AUTH_MODE is entra, else the built-in sign-in (POST /tokens). Nothing secret:
 * a client needs these to start a sign-in. `client_id` is the web app's (SPA) registration when one is set,
 * which asks for the API's scope: a token for the API, whose `aud` is ENTRA_AUDIENCE.
 */
export function identityProviders(config: IdpConfig) {
  if (config.AUTH_MODE !== 'entra')
    return [
      {
        id: 'primeroims',
        unique_id: 'primeroims',
        name: 'Primero',
        provider_type: 'primero',
        configuration: { type: 'embedded' },
      },
    ];
  const base = entraAuthority(config);
  const scope =
    config.ENTRA_SCOPE ?? (config.ENTRA_AUDIENCE ? `${config.ENTRA_AUDIENCE}/.default` : undefined);
  return [
    {
      id: 'entra',
      unique_id: 'entra',
      name: 'Microsoft Entra ID',
      provider_type: 'entra',
      client_id: config.ENTRA_CLIENT_ID ?? config.ENTRA_AUDIENCE ?? null,
      authorization_url: `${base}/oauth2/v2.0/authorize`,
      identity_scope: scope ? [scope] : [],
      verification_url: `${base}/discovery/v2.0/keys`,
      force_standard_oidc: true,
      configuration: { authority: `${base}/v2.0`, audience: config.ENTRA_AUDIENCE },
    },
  ];
}

/** Primero's `metadata.use_identity_provider`: sign-in goes through an external provider. */
export const usesIdentityProvider = (config: IdpConfig) => config.AUTH_MODE === 'entra';
