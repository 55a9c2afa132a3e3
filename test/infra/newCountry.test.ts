import { join } from 'node:path';
import { parseArgs } from '../../scripts/cliArgs';
import { checkInfra } from '../../scripts/infra/infraChecks';
import { readInfraFiles } from '../../scripts/infra/infraFiles';
import { bicepparamFor, newCountryOptions } from '../../scripts/infra/newCountryParams';

const argv = (line: string) => parseArgs(line.split(' '));

describe('npm run new-country', () => {
  it('writes a parameter file that passes every infra check', async () => {
    const { options, problems } = newCountryOptions(
      argv(
        '--country so --location northeurope --env prod --admin-group 6F0B2B3C-1111-4222-8333-944455556666 --alert-email ops@example.org',
      ),
    );
    expect(problems).toEqual([]);
    const files = readInfraFiles(join(__dirname, '..', '..'));
    files.set('infra/countries/so.bicepparam', bicepparamFor(options!));
    expect(files.get('infra/countries/so.bicepparam')).toContain("param countryCode = 'SO'");
    expect((await checkInfra(files)).problems).toEqual([]);
  });

  it('names every missing or malformed option', () => {
    const { options, problems } = newCountryOptions(
      argv('--country Somalia --env Production --capacity huge'),
    );
    expect(options).toBeUndefined();
    expect(problems).toEqual([
      '--country Somalia: an ISO 3166-1 alpha-2 code such as SO',
      '--location is required (an Azure region name such as northeurope)',
      '--env Production: 2-8 lowercase letters or digits, such as prod',
      "--admin-group is required (the object id of the country admins' Entra ID group)",
      '--alert-email is required (the operations email address)',
      '--capacity must be serverless or autoscale',
    ]);
  });

  it('a country code unknown to ISO 3166 fails the template check', async () => {
    const { options } = newCountryOptions(
      argv(
        '--country QQ --location northeurope --env prod --admin-group 6f0b2b3c-1111-4222-8333-944455556666 --alert-email ops@example.org',
      ),
    );
    const files = readInfraFiles(join(__dirname, '..', '..'));
    files.set('infra/countries/qq.bicepparam', bicepparamFor(options!));
    expect((await checkInfra(files)).problems).toEqual([
      expect.stringContaining('"QQ" is not an allowed value'),
    ]);
  });
});
