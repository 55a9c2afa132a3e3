import { join } from 'node:path';
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

describe('network isolation and the secure defaults of prod', () => {
  it.each([
    [
      'Azure.Cosmos.PublicAccess',
      'infra/modules/cosmos.bicep',
      "publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'",
      "publicNetworkAccess: 'Enabled'",
    ],
    [
      'Azure.KeyVault.Firewall',
      'infra/modules/keyvault.bicep',
      "defaultAction: networkIsolation ? 'Deny' : 'Allow'",
      "defaultAction: 'Allow'",
    ],
    [
      'Primero.KeyVault.PublicAccess',
      'infra/modules/keyvault.bicep',
      "publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'",
      "publicNetworkAccess: networkIsolation ? 'Enabled' : 'Disabled'",
    ],
    [
      'Azure.Storage.Firewall',
      'infra/modules/storage.bicep',
      "defaultAction: networkIsolation ? 'Deny' : 'Allow'",
      "defaultAction: 'Allow'",
    ],
    [
      'Primero.Storage.PublicAccess',
      'infra/modules/storage.bicep',
      "publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'",
      "publicNetworkAccess: 'Enabled'",
    ],
    [
      'Azure.AppService.ARRAffinity',
      'infra/modules/functionapp.bicep',
      'clientAffinityEnabled: false',
      'clientAffinityEnabled: true',
    ],
    [
      'Primero.AppService.VNetIntegration',
      'infra/modules/functionapp.bicep',
      '    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId\n',
      '',
    ],
    ['Primero.Lock.CanNotDelete', 'infra/modules/cosmos.bicep', "level: 'CanNotDelete'", "level: 'ReadOnly'"],
    [
      'Primero.Lock.CanNotDelete',
      'infra/modules/keyvault.bicep',
      '  scope: vault\n  properties: {\n    level',
      '  scope: resourceGroup()\n  properties: {\n    level',
    ],
    [
      'Primero.Lock.CanNotDelete',
      'infra/modules/storage.bicep',
      "resource deleteLock 'Microsoft.Authorization/locks",
      "resource deleteLock 'Microsoft.Authorization/lockz",
    ],
    [
      'Primero.Network.PrivateEndpoints',
      'infra/modules/privateEndpoints.bicep',
      "groupId: 'queue'",
      "groupId: 'file'",
    ],
    [
      'Primero.Network.PrivateEndpoints',
      'infra/modules/privateEndpoints.bicep',
      "'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@",
      "'Microsoft.Network/privateEndpoints/privateDnsZoneGroupz@",
    ],
    [
      'Primero.Cosmos.ZoneRedundancy',
      'infra/modules/cosmos.bicep',
      'isZoneRedundant: zoneRedundant',
      'isZoneRedundant: false',
    ],
    [
      'Primero.Main.ProdDefaults',
      'infra/main.bicep',
      "param networkIsolation bool = environmentName == 'prod'",
      'param networkIsolation bool = false',
    ],
    [
      'Primero.Main.ProdDefaults',
      'infra/main.bicep',
      "param enableDeleteLocks bool = environmentName == 'prod'",
      'param enableDeleteLocks bool = false',
    ],
    [
      'Azure.Storage.UseReplication',
      'infra/main.bicep',
      "param storageSku string = 'Standard_ZRS'",
      "param storageSku string = 'Standard_LRS'",
    ],
  ])('%s: a template without it fails (%s)', async (rule, file, from, to) => {
    const problems = await problemsWith(file, (t) => t.replace(from, to));
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${rule.replace(/\./g, '\\.')}: `))]);
  });

  it('an isolated deployment wires the network into every module', () => {
    const main = files.get('infra/main.bicep') as string;
    expect(main).toContain("module network './modules/network.bicep' = if (networkIsolation)");
    expect(main).toContain(
      "module privateEndpoints './modules/privateEndpoints.bicep' = if (networkIsolation)",
    );
    expect(main).toContain("subnetId: networkIsolation ? network.outputs.appSubnetId : ''");
    expect(main.match(/networkIsolation: networkIsolation/g)).toHaveLength(3);
    expect(main.match(/enableDeleteLock: enableDeleteLocks/g)).toHaveLength(3);
  });
});
