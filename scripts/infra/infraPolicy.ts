import { declarations, literal, propertyAt, type Declaration } from './bicepModel';
import type { Tree } from './bicepParser';

/** A secure default the templates must keep: a property of a resource type with its required value. */
interface Rule {
  resourceType: string;
  path: string;
  expected: string | boolean | number;
  why: string;
}

export const secureDefaults: Rule[] = [
  {
    resourceType: 'Microsoft.Storage/storageAccounts',
    path: 'properties.allowSharedKeyAccess',
    expected: false,
    why: 'no shared keys',
  },
  {
    resourceType: 'Microsoft.Storage/storageAccounts',
    path: 'properties.allowBlobPublicAccess',
    expected: false,
    why: 'no public blobs',
  },
  {
    resourceType: 'Microsoft.Storage/storageAccounts',
    path: 'properties.minimumTlsVersion',
    expected: 'TLS1_2',
    why: 'TLS 1.2+',
  },
  {
    resourceType: 'Microsoft.Storage/storageAccounts',
    path: 'properties.supportsHttpsTrafficOnly',
    expected: true,
    why: 'HTTPS only',
  },
  {
    resourceType: 'Microsoft.Storage/storageAccounts/blobServices',
    path: 'properties.deleteRetentionPolicy.enabled',
    expected: true,
    why: 'blob soft delete',
  },
  {
    resourceType: 'Microsoft.Storage/storageAccounts/blobServices',
    path: 'properties.isVersioningEnabled',
    expected: true,
    why: 'blob versioning',
  },
  {
    resourceType: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    path: 'properties.publicAccess',
    expected: 'None',
    why: 'private containers',
  },
  {
    resourceType: 'Microsoft.DocumentDB/databaseAccounts',
    path: 'properties.disableLocalAuth',
    expected: true,
    why: 'no Cosmos keys',
  },
  {
    resourceType: 'Microsoft.DocumentDB/databaseAccounts',
    path: 'properties.disableKeyBasedMetadataWriteAccess',
    expected: true,
    why: 'no key-based metadata writes',
  },
  {
    resourceType: 'Microsoft.DocumentDB/databaseAccounts',
    path: 'properties.minimalTlsVersion',
    expected: 'Tls12',
    why: 'TLS 1.2+',
  },
  {
    resourceType: 'Microsoft.DocumentDB/databaseAccounts',
    path: 'properties.backupPolicy.type',
    expected: 'Continuous',
    why: 'point-in-time restore',
  },
  {
    resourceType: 'Microsoft.KeyVault/vaults',
    path: 'properties.enableRbacAuthorization',
    expected: true,
    why: 'RBAC, no access policies',
  },
  {
    resourceType: 'Microsoft.KeyVault/vaults',
    path: 'properties.enableSoftDelete',
    expected: true,
    why: 'soft delete',
  },
  {
    resourceType: 'Microsoft.KeyVault/vaults',
    path: 'properties.enablePurgeProtection',
    expected: true,
    why: 'purge protection',
  },
  { resourceType: 'Microsoft.Web/serverfarms', path: 'sku.name', expected: 'FC1', why: 'Flex Consumption' },
  { resourceType: 'Microsoft.Web/sites', path: 'properties.httpsOnly', expected: true, why: 'HTTPS only' },
  {
    resourceType: 'Microsoft.Web/sites',
    path: 'properties.siteConfig.minTlsVersion',
    expected: '1.2',
    why: 'TLS 1.2+',
  },
  {
    resourceType: 'Microsoft.Web/sites',
    path: 'properties.siteConfig.ftpsState',
    expected: 'Disabled',
    why: 'no FTP',
  },
  {
    resourceType: 'Microsoft.Web/sites',
    path: 'identity.type',
    expected: 'SystemAssigned',
    why: 'managed identity',
  },
  {
    resourceType: 'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
    path: 'properties.allow',
    expected: false,
    why: 'no basic publishing credentials',
  },
  {
    resourceType: 'Microsoft.Communication/communicationServices',
    path: 'properties.disableLocalAuth',
    expected: true,
    why: 'no ACS access keys',
  },
  {
    resourceType: 'Microsoft.Communication/emailServices/domains',
    path: 'properties.userEngagementTracking',
    expected: 'Disabled',
    why: 'no tracking in mail about cases',
  },
  {
    resourceType: 'Microsoft.Insights/components',
    path: 'properties.DisableLocalAuth',
    expected: true,
    why: 'telemetry with Entra ID only',
  },
  {
    resourceType: 'Microsoft.OperationalInsights/workspaces',
    path: 'properties.features.disableLocalAuth',
    expected: true,
    why: 'no workspace keys',
  },
];

/** Resource types that must send diagnostics to Log Analytics. */
export const needsDiagnostics = [
  'Microsoft.Storage/storageAccounts',
  'Microsoft.Storage/storageAccounts/blobServices',
  'Microsoft.Storage/storageAccounts/queueServices',
  'Microsoft.DocumentDB/databaseAccounts',
  'Microsoft.KeyVault/vaults',
  'Microsoft.Web/sites',
  'Microsoft.Communication/communicationServices',
];

const typeOf = (d: Declaration) => d.type?.split('@')[0];

/** Checks the secure defaults over all templates; returns the broken rules. */
export function checkSecureDefaults(trees: Map<string, Tree>): string[] {
  const problems: string[] = [];
  const resources = [...trees].flatMap(([file, tree]) =>
    declarations(tree)
      .filter((d) => d.kind === 'resource')
      .map((d) => ({ file, d })),
  );
  for (const rule of secureDefaults) {
    const matching = resources.filter(
      ({ d }) => typeOf(d) === rule.resourceType && !d.node.text.includes(' existing'),
    );
    if (matching.length === 0) problems.push(`no ${rule.resourceType} declared (needed: ${rule.why})`);
    for (const { file, d } of matching) {
      const actual = literal(propertyAt(d.value, rule.path));
      if (actual !== rule.expected) {
        problems.push(
          `${file}:${d.line} ${d.name}: ${rule.path} must be ${JSON.stringify(rule.expected)} (${rule.why})`,
        );
      }
    }
  }
  for (const [file, tree] of trees) {
    const decls = declarations(tree).filter((d) => d.kind === 'resource');
    const diagnosed = new Set(
      decls
        .filter((d) => typeOf(d) === 'Microsoft.Insights/diagnosticSettings')
        .map((d) => propertyAt(d.value, 'scope')?.text),
    );
    for (const d of decls) {
      if (
        needsDiagnostics.includes(typeOf(d) ?? '') &&
        !d.node.text.includes(' existing') &&
        !diagnosed.has(d.name)
      ) {
        problems.push(`${file}:${d.line} ${d.name} has no diagnostic settings to Log Analytics`);
      }
    }
  }
  return problems;
}

/** Anything that looks like a secret, a key or a connection string in the infra text. */
export function checkNoSecrets(files: Map<string, string>): string[] {
  const patterns: [RegExp, string][] = [
    [/AccountKey=/i, 'a storage account key'],
    [/SharedAccessSignature|[?&]sig=/i, 'a SAS token'],
    [/listKeys\(|listConnectionStrings\(/, 'keys read at deployment time'],
    [/DefaultEndpointsProtocol=/i, 'a storage connection string'],
    [/AccountEndpoint=.*AccountKey/i, 'a Cosmos connection string'],
    [/InstrumentationKey=/i, 'an Application Insights key'],
    [/[A-Za-z0-9+/]{60,}={0,2}/, 'a long base64 value (a key?)'],
    [/password\s*[:=]\s*'[^']+'/i, 'a password'],
  ];
  const problems: string[] = [];
  for (const [file, text] of files) {
    text.split('\n').forEach((line, i) => {
      for (const [pattern, what] of patterns)
        if (pattern.test(line)) problems.push(`${file}:${i + 1} looks like ${what}`);
    });
  }
  return problems;
}
