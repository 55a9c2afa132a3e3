import type { Config } from '../config';

type IdpConfig = Pick<Config, 'AUTH_MODE' | 'ENTRA_TENANT_ID' | 'ENTRA_AUDIENCE'>;

/**
 * The deployment's one identity provider in Primero's keys (GET /identity_providers, GET /primero):
 * Microsoft Entra ID when AUTH_MODE is entra, else the built-in sign-in (POST /tokens). Nothing secret:
 * a client needs these to start a sign-in.
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
  const base = `https://login.microsoftonline.com/${config.ENTRA_TENANT_ID}`;
  return [
    {
      id: 'entra',
      unique_id: 'entra',
      name: 'Microsoft Entra ID',
      provider_type: 'entra',
      client_id: config.ENTRA_AUDIENCE ?? null,
      authorization_url: `${base}/oauth2/v2.0/authorize`,
      identity_scope: config.ENTRA_AUDIENCE ? [`${config.ENTRA_AUDIENCE}/.default`] : [],
      verification_url: `${base}/discovery/v2.0/keys`,
      force_standard_oidc: true,
      configuration: { authority: `${base}/v2.0`, audience: config.ENTRA_AUDIENCE },
    },
  ];
}

/** Primero's `metadata.use_identity_provider`: sign-in goes through an external provider. */
export const usesIdentityProvider = (config: IdpConfig) => config.AUTH_MODE === 'entra';
