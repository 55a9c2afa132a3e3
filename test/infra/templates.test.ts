import { join } from 'node:path';
import { configSchema, localOnlySettings } from '../../src/config';
import { containerDefinitions } from '../../src/platform/containers';
import {
  arrayItems,
  declarations,
  literal,
  objectProperties,
  propertyAt,
} from '../../scripts/infra/bicepModel';
import { parseBicep } from '../../scripts/infra/bicepParser';
import { checkInfra } from '../../scripts/infra/infraChecks';
import { readInfraFiles } from '../../scripts/infra/infraFiles';

const files = readInfraFiles(join(__dirname, '..', '..'));
const problemsWith = async (file: string, edit: (text: string) => string) => {
  const copy = new Map(files);
  const before = copy.get(file) as string;
  const after = edit(before);
  expect(after).not.toBe(before); // the mutation must apply, or the test proves nothing
  copy.set(file, after);
  return (await checkInfra(copy)).problems;
};

describe('infra/ as committed', () => {
  it('has the templates and parameter files of the design', () => {
    expect([...files.keys()].sort()).toEqual(
      expect.arrayContaining([
        'infra/main.bicep',
        'infra/countries/gh.bicepparam',
        'infra/countries/ke.bicepparam',
        ...['monitoring', 'storage', 'cosmos', 'keyvault', 'functionapp', 'rbac', 'alerts', 'email'].map(
          (m) => `infra/modules/${m}.bicep`,
        ),
      ]),
    );
  });

  it('passes every check: syntax, modules, parameters, secure defaults, no secrets', async () => {
    expect((await checkInfra(files)).problems).toEqual([]);
  });

  it('sets every app setting the code reads in Azure', async () => {
    const tree = await parseBicep(files.get('infra/modules/functionapp.bicep') as string, 'bicep');
    const appSettings = declarations(tree).find((d) => d.kind === 'var' && d.name === 'appSettings');
    const set = [...objectProperties(appSettings?.value).keys()];
    const read = Object.keys(configSchema.shape).filter((k) => !localOnlySettings.includes(k));
    expect(read.filter((k) => !set.includes(k))).toEqual([]);
    for (const local of localOnlySettings) expect(set).not.toContain(local);
  });

  it('creates the Cosmos containers the code uses, with the same partition keys and TTLs', async () => {
    const tree = await parseBicep(files.get('infra/modules/cosmos.bicep') as string, 'bicep');
    const containers = declarations(tree).find((d) => d.kind === 'var' && d.name === 'containers');
    const inBicep = arrayItems(containers?.value).map((item) => ({
      id: literal(propertyAt(item, 'name')),
      paths: arrayItems(propertyAt(item, 'partitionKeyPaths')).map(literal),
      ttl: literal(propertyAt(item, 'defaultTtl')),
    }));
    const inCode = Object.values(containerDefinitions).map((d) => ({
      id: d.id,
      paths: d.partitionKey.paths,
      ttl: 'defaultTtl' in d ? d.defaultTtl : null,
    }));
    expect(inBicep).toEqual(inCode);
  });
});

describe('a broken template fails the checks', () => {
  it('a typo is a syntax error', async () => {
    const problems = await problemsWith('infra/modules/storage.bicep', (t) =>
      t.replace('resource account ', 'resurce account '),
    );
    expect(problems.some((p) => p.startsWith('infra/modules/storage.bicep:'))).toBe(true);
  });

  it('a typo in a parameter file is a syntax error', async () => {
    const problems = await problemsWith('infra/countries/gh.bicepparam', (t) =>
      t.replace("param alertEmail = 'primero", "param alertEmail = primero'"),
    );
    expect(problems.some((p) => p.startsWith('infra/countries/gh.bicepparam:'))).toBe(true);
  });

  it.each([
    ['infra/modules/storage.bicep', '    allowSharedKeyAccess: false\n', 'allowSharedKeyAccess'],
    ['infra/modules/storage.bicep', "    minimumTlsVersion: 'TLS1_2'\n", 'minimumTlsVersion'],
    ['infra/modules/cosmos.bicep', '    disableLocalAuth: true\n', 'disableLocalAuth'],
    ['infra/modules/keyvault.bicep', '    enablePurgeProtection: true\n', 'enablePurgeProtection'],
    ['infra/modules/functionapp.bicep', '    httpsOnly: true\n', 'httpsOnly'],
    ['infra/modules/functionapp.bicep', "      ftpsState: 'Disabled'\n", 'ftpsState'],
    ['infra/modules/email.bicep', '    disableLocalAuth: true\n', 'disableLocalAuth'],
    ['infra/modules/email.bicep', "    userEngagementTracking: 'Disabled'\n", 'userEngagementTracking'],
  ])('removing a secure default is caught (%s: %s)', async (file, line, property) => {
    const problems = await problemsWith(file, (t) => t.replace(line, ''));
    expect(problems.some((p) => p.includes(property))).toBe(true);
  });

  it('weakening a secure default is caught', async () => {
    const problems = await problemsWith('infra/modules/storage.bicep', (t) =>
      t.replace('allowBlobPublicAccess: false', 'allowBlobPublicAccess: true'),
    );
    expect(problems).toEqual([expect.stringContaining('allowBlobPublicAccess must be false')]);
  });

  it('a resource without diagnostic settings is caught', async () => {
    const problems = await problemsWith('infra/modules/keyvault.bicep', (t) =>
      t.replace(
        "  name: 'to-log-analytics'\n  scope: vault\n",
        "  name: 'to-log-analytics'\n  scope: resourceGroup()\n",
      ),
    );
    expect(problems).toEqual([expect.stringContaining('vault has no diagnostic settings')]);
  });

  it('an undeclared parameter is caught', async () => {
    const problems = await problemsWith(
      'infra/countries/gh.bicepparam',
      (t) => `${t}param colour = 'blue'\n`,
    );
    expect(problems).toEqual([expect.stringContaining('param colour is not declared')]);
  });

  it('a value of the wrong type, a value not allowed, a bad environment name are caught', async () => {
    expect(
      await problemsWith('infra/countries/gh.bicepparam', (t) =>
        t.replace('maximumInstanceCount = 40', "maximumInstanceCount = 'many'"),
      ),
    ).toEqual([expect.stringContaining('expects int, got string')]);
    expect(
      await problemsWith('infra/countries/gh.bicepparam', (t) =>
        t.replace("countryCode = 'GH'", "countryCode = 'ZZ'"),
      ),
    ).toEqual([expect.stringContaining('"ZZ" is not an allowed value')]);
    expect(
      await problemsWith('infra/countries/gh.bicepparam', (t) =>
        t.replace("environmentName = 'demo'", "environmentName = 'Demo-1'"),
      ),
    ).toEqual([expect.stringContaining('only lowercase letters and digits')]);
    expect(
      await problemsWith('infra/countries/gh.bicepparam', (t) =>
        t.replace('maximumInstanceCount = 40', 'maximumInstanceCount = 5000'),
      ),
    ).toEqual([expect.stringContaining('above 1000')]);
  });

  it('a required parameter left unset is caught', async () => {
    const problems = await problemsWith('infra/countries/ke.bicepparam', (t) =>
      t.replace(/^param alertEmail = .*\n/m, ''),
    );
    expect(problems).toEqual(['infra/countries/ke.bicepparam: required param alertEmail is not set']);
  });

  it('a module path that does not exist, or a module param not declared, is caught', async () => {
    expect(
      await problemsWith('infra/main.bicep', (t) =>
        t.replace("'./modules/keyvault.bicep'", "'./modules/key-vault.bicep'"),
      ),
    ).toEqual([expect.stringContaining('./modules/key-vault.bicep does not exist')]);
    expect(
      await problemsWith('infra/main.bicep', (t) =>
        t.replace('    zoneRedundant: cosmosZoneRedundant\n', '    zoneRedundancy: cosmosZoneRedundant\n'),
      ),
    ).toEqual([expect.stringContaining('declares no param zoneRedundancy')]);
  });

  it('a key or connection string anywhere in infra/ is caught', async () => {
    const problems = await problemsWith('infra/modules/functionapp.bicep', (t) =>
      t.replace(
        "  LOG_LEVEL: 'info'",
        "  LOG_LEVEL: 'info'\n  AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc'",
      ),
    );
    expect(problems.some((p) => p.includes('storage account key'))).toBe(true);
  });
});

describe('azd parameters', () => {
  it('infra/main.parameters.json sets only declared params and every required one', async () => {
    const problems = await problemsWith('infra/main.parameters.json', (t) =>
      t.replace('"alertEmail"', '"alertMail"'),
    );
    expect(problems).toEqual([
      'infra/main.parameters.json: param alertMail is not declared',
      'infra/main.parameters.json: required param alertEmail is not set',
    ]);
  });
});
