// Key Vault for the deployment's keys (session signing key, per-country data keys). RBAC only, soft delete
// and purge protection on: a deleted key would make every encrypted record unreadable.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Vault name (3-24 letters, digits, hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Required. Log Analytics workspace for diagnostic settings.')
param workspaceId string

@description('Optional. Reachable only through private endpoints: public network access off, firewall default-deny.')
param networkIsolation bool = false

@description('Optional. A CanNotDelete lock: deleting the resource needs the lock removed first.')
param enableDeleteLock bool = false

@description('Optional. Tags.')
param tags object = {}

// ============== //
//   Resources    //
// ============== //

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
    }
  }
}

// Deleting the vault would lose case data or keys for good: in prod the lock must be removed first, on purpose.
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = if (enableDeleteLock) {
  name: 'do-not-delete'
  scope: vault
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds case records, attachments or keys of a country. Remove the lock only to retire the deployment.'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// ============== //
//   Outputs      //
// ============== //

@description('Vault name.')
output name string = vault.name

@description('Vault id (private endpoints).')
output id string = vault.id

@description('Vault URL (KEY_VAULT_URL).')
output uri string = vault.properties.vaultUri
