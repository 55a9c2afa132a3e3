import { loadConfig } from '../../src/config';
import { identityProviders, signInOrigins } from '../../src/meta/identityProviders';
import { webAppCsp } from '../../src/webApp/staticFiles';
import { testAppSettings } from '../support/emulatorEnv';

const TENANT = '11111111-2222-4333-8444-555555555555';
const entra = (settings: Record<string, string> = {}) =>
  loadConfig({
    ...testAppSettings(),
    AUTH_MODE: 'entra',
    ENTRA_TENANT_ID: TENANT,
    ENTRA_AUDIENCE: 'api://primero',
    ...settings,
  });

describe('what the web app learns about an Entra sign-in', () => {
  it('names the web app’s own registration and the API’s scope', () => {
    const [idp] = identityProviders(entra({ ENTRA_CLIENT_ID: 'spa-client' }));
    expect(idp).toMatchObject({
      provider_type: 'entra',
      client_id: 'spa-client',
      identity_scope: ['api://primero/.default'],
      configuration: { authority: `https://login.microsoftonline.com/${TENANT}/v2.0` },
    });
    const [named] = identityProviders(entra({ ENTRA_SCOPE: 'api://primero/access_as_user' }));
    expect(named).toMatchObject({ identity_scope: ['api://primero/access_as_user'] });
  });

  it('lets the page talk to the authority in Entra deployments only', () => {
    const origins = signInOrigins(entra({ ENTRA_AUTHORITY: `https://login.example.org/${TENANT}` }));
    expect(origins).toEqual(['https://login.example.org']);
    expect(webAppCsp(origins)).toContain("connect-src 'self' https://login.example.org");
    const builtIn = loadConfig(testAppSettings());
    expect(signInOrigins(builtIn)).toEqual([]);
    expect(webAppCsp(signInOrigins(builtIn))).toContain("connect-src 'self';");
    expect(webAppCsp([])).not.toContain('frame-src');
  });
});
