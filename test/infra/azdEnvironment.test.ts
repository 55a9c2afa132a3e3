import { join } from 'node:path';
import { azdEnvironmentProblems } from '../../scripts/infra/azdEnvironment';
import { readInfraFiles } from '../../scripts/infra/infraFiles';

const files = readInfraFiles(join(__dirname, '..', '..'));
const ready = {
  AZURE_ENV_NAME: 'prod',
  AZURE_LOCATION: 'southafricanorth',
  COUNTRY_CODE: 'SO',
  ADMIN_GROUP_OBJECT_ID: '6f0b2b3c-1111-4222-8333-944455556666',
  ALERT_EMAIL: 'ops-so@example.org',
  COUNTRY_TIME_ZONE: 'Africa/Mogadishu',
  ADMIN_USER_NAME: 'admin_so',
};

describe('azd preprovision check', () => {
  it('accepts a complete environment', async () => {
    expect(await azdEnvironmentProblems(ready, files)).toEqual([]);
  });

  it('refuses a bad environment name, naming the azd variable', async () => {
    expect(await azdEnvironmentProblems({ ...ready, AZURE_ENV_NAME: 'Prod-1' }, files)).toEqual([
      'AZURE_ENV_NAME Prod-1: 2-8 lowercase letters or digits, such as prod',
    ]);
    expect(await azdEnvironmentProblems({ ...ready, AZURE_ENV_NAME: 'production' }, files)).toEqual([
      expect.stringContaining('AZURE_ENV_NAME production'),
    ]);
  });

  it('refuses a region without Flex Consumption', async () => {
    expect(await azdEnvironmentProblems({ ...ready, AZURE_LOCATION: 'westindia' }, files)).toEqual([
      expect.stringContaining('param location: "westindia" is not an allowed value'),
    ]);
  });

  it('names every missing setting at once', async () => {
    expect(
      await azdEnvironmentProblems({ AZURE_ENV_NAME: 'prod', AZURE_LOCATION: 'northeurope' }, files),
    ).toEqual([
      'COUNTRY_CODE is required (an ISO 3166-1 alpha-2 code such as SO)',
      "ADMIN_GROUP_OBJECT_ID is required (the object id of the country admins' Entra ID group)",
      'ALERT_EMAIL is required (the operations email address)',
      'COUNTRY_TIME_ZONE is required (azd env set COUNTRY_TIME_ZONE ...; the country setup needs it)',
      'ADMIN_USER_NAME is required (azd env set ADMIN_USER_NAME ...; the country setup needs it)',
    ]);
  });
});
