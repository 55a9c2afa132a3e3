import { arrayItems, declarations, literal, propertyAt, type Declaration } from './bicepModel';
import type { Node, Tree } from './bicepParser';

/**
 * Network isolation and the other secure defaults that depend on the deployment: each rule is named after
 * its PSRule for Azure rule where one exists (Azure.*), else after what it keeps (Primero.*).
 */
interface PropertyRule {
  rule: string;
  resourceType: string;
  path: string;
  expected: string | boolean;
  /** Required only when networkIsolation is on: `networkIsolation ? <expected> : ...` passes too. */
  whenIsolated?: boolean;
  why: string;
}

export const propertyRules: PropertyRule[] = [
  {
    rule: 'Azure.Cosmos.PublicAccess',
    resourceType: 'Microsoft.DocumentDB/databaseAccounts',
    path: 'properties.publicNetworkAccess',
    expected: 'Disabled',
    whenIsolated: true,
    why: 'Cosmos DB only through its private endpoint',
  },
  {
    rule: 'Azure.KeyVault.Firewall',
    resourceType: 'Microsoft.KeyVault/vaults',
    path: 'properties.networkAcls.defaultAction',
    expected: 'Deny',
    whenIsolated: true,
    why: 'Key Vault firewall default-deny',
  },
  {
    rule: 'Primero.KeyVault.PublicAccess',
    resourceType: 'Microsoft.KeyVault/vaults',
    path: 'properties.publicNetworkAccess',
    expected: 'Disabled',
    whenIsolated: true,
    why: 'Key Vault only through its private endpoint',
  },
  {
    rule: 'Azure.Storage.Firewall',
    resourceType: 'Microsoft.Storage/storageAccounts',
    path: 'properties.networkAcls.defaultAction',
    expected: 'Deny',
    whenIsolated: true,
    why: 'Storage firewall default-deny',
  },
  {
    rule: 'Primero.Storage.PublicAccess',
    resourceType: 'Microsoft.Storage/storageAccounts',
    path: 'properties.publicNetworkAccess',
    expected: 'Disabled',
    whenIsolated: true,
    why: 'Storage only through its private endpoints',
  },
  {
    rule: 'Azure.AppService.ARRAffinity',
    resourceType: 'Microsoft.Web/sites',
    path: 'properties.clientAffinityEnabled',
    expected: false,
    why: 'no sticky sessions on a stateless API',
  },
];

const typeOf = (d: Declaration) => d.type?.split('@')[0];
const isolatedBranch = (node: Node | undefined) =>
  node?.type === 'ternary_expression' && node.childForFieldName('condition')?.text === 'networkIsolation'
    ? node.childForFieldName('consequence')
    : undefined;

function resourcesOf(trees: Map<string, Tree>) {
  return [...trees].flatMap(([file, tree]) =>
    declarations(tree)
      .filter((d) => d.kind === 'resource' && !d.node.text.includes(' existing'))
      .map((d) => ({ file, d })),
  );
}

/** Returns every broken isolation rule, each message starting with the rule's name. */
export function checkIsolation(trees: Map<string, Tree>): string[] {
  const problems: string[] = [];
  const resources = resourcesOf(trees);
  const ofType = (type: string) => resources.filter(({ d }) => typeOf(d) === type);

  for (const r of propertyRules) {
    for (const { file, d } of ofType(r.resourceType)) {
      const node = propertyAt(d.value, r.path);
      const ok =
        literal(node) === r.expected ||
        (r.whenIsolated === true && literal(isolatedBranch(node)) === r.expected);
      if (!ok) {
        const must = `${JSON.stringify(r.expected)}${r.whenIsolated ? ' when networkIsolation is on' : ''}`;
        problems.push(`${r.rule}: ${file}:${d.line} ${d.name}: ${r.path} must be ${must} (${r.why})`);
      }
    }
  }

  // Primero.Lock.CanNotDelete: the resources that hold case data or keys carry a delete lock (in prod).
  for (const type of [
    'Microsoft.DocumentDB/databaseAccounts',
    'Microsoft.KeyVault/vaults',
    'Microsoft.Storage/storageAccounts',
  ]) {
    for (const { file, d } of ofType(type)) {
      const locked = resources.some(
        (l) =>
          l.file === file &&
          typeOf(l.d) === 'Microsoft.Authorization/locks' &&
          propertyAt(l.d.value, 'scope')?.text === d.name &&
          literal(propertyAt(l.d.value, 'properties.level')) === 'CanNotDelete',
      );
      if (!locked)
        problems.push(`Primero.Lock.CanNotDelete: ${file}:${d.line} ${d.name} has no CanNotDelete lock`);
    }
  }

  // Primero.AppService.VNetIntegration: the function app can join the network of the private endpoints.
  for (const { file, d } of ofType('Microsoft.Web/sites')) {
    if (!propertyAt(d.value, 'properties.virtualNetworkSubnetId'))
      problems.push(
        `Primero.AppService.VNetIntegration: ${file}:${d.line} ${d.name} sets no virtualNetworkSubnetId`,
      );
  }

  // Primero.Network.PrivateEndpoints: Cosmos (Sql), blob, queue and vault each get an endpoint and a DNS zone.
  const endpointVar = [...trees].flatMap(([file, tree]) =>
    ofType('Microsoft.Network/privateEndpoints').some((e) => e.file === file)
      ? declarations(tree).filter((d) => d.kind === 'var' && d.name === 'endpoints')
      : [],
  )[0];
  const groupIds = arrayItems(endpointVar?.value).map((e) => literal(propertyAt(e, 'groupId')));
  const missing = ['Sql', 'blob', 'queue', 'vault'].filter((g) => !groupIds.includes(g));
  if (missing.length > 0)
    problems.push(`Primero.Network.PrivateEndpoints: no private endpoint for ${missing.join(', ')}`);
  if (ofType('Microsoft.Network/privateEndpoints/privateDnsZoneGroups').length === 0)
    problems.push(
      'Primero.Network.PrivateEndpoints: private endpoints are registered in no private DNS zone',
    );

  // Primero.Cosmos.ZoneRedundancy: a parameter, not a hard-coded `false` that no deployment can turn on.
  for (const { file, d } of ofType('Microsoft.DocumentDB/databaseAccounts')) {
    for (const location of arrayItems(propertyAt(d.value, 'properties.locations'))) {
      const zr = propertyAt(location, 'isZoneRedundant');
      if (!zr || literal(zr) === false)
        problems.push(
          `Primero.Cosmos.ZoneRedundancy: ${file}:${d.line} ${d.name}: isZoneRedundant must be a parameter`,
        );
    }
  }

  problems.push(...checkProdDefaults(trees));
  return problems;
}

/** Azure.Storage.UseReplication and the prod switches: the defaults of infra/main.bicep. */
function checkProdDefaults(trees: Map<string, Tree>): string[] {
  const main = trees.get('infra/main.bicep');
  if (!main) return [];
  const param = (name: string) => declarations(main).find((d) => d.kind === 'param' && d.name === name);
  const problems: string[] = [];
  for (const name of ['networkIsolation', 'enableDeleteLocks']) {
    if (param(name)?.value?.text !== "environmentName == 'prod'")
      problems.push(`Primero.Main.ProdDefaults: param ${name} must default to environmentName == 'prod'`);
  }
  const sku = literal(param('storageSku')?.value);
  if (typeof sku !== 'string' || !/ZRS$/.test(sku))
    problems.push(
      'Azure.Storage.UseReplication: param storageSku must default to zone-redundant storage (ZRS)',
    );
  return problems;
}
