// Every role assignment of the deployment, and nothing more: what the app's identity needs, and what
// the country's administrators need to operate it. Data access for people goes through the API
// (authorised and audited), so admins get no data-plane role on Cosmos DB or Storage.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Object id of the function app\'s system-assigned identity.')
param appPrincipalId string

@description('Required. Object id of the Entra ID group of the country\'s administrators.')
param adminGroupObjectId string

@description('Required. Storage account name.')
param storageAccountName string

@description('Required. Cosmos DB account name.')
param cosmosAccountName string

@description('Required. Key Vault name.')
param keyVaultName string

@description('Required. Application Insights name.')
param appInsightsName string

@description('Required. Azure Communication Services name (notification e-mail).')
param communicationServiceName string

// ============== //
//   Variables    //
// ============== //

var roles = {
  // Storage Blob Data Contributor: attachments, the deployment package and the Functions host's blobs.
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // Storage Queue Data Contributor: the notifications and bulk-assigns queues and their poison queues.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Key Vault Secrets Officer: read the keys, and create new versions when rotating.
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  // Key Vault Administrator: the admins manage the vault (recovery, rotation policy).
  keyVaultAdministrator: '00482a5a-887f-4fb3-b363-3b7fe8e74483'
  // Cosmos DB Account Reader Role: the admins see the account's configuration and metrics, not the data.
  cosmosAccountReader: 'fbdf93bf-df7d-467e-a4d2-9458aa1360c8'
  // Monitoring Metrics Publisher: the app sends telemetry to Application Insights with its identity.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  // Communication and Email Service Owner: sending mail with Entra ID needs a built-in ACS role (ACS does
  // not honour custom roles); scoped to this one resource.
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
}
// Cosmos DB Built-in Data Contributor (a Cosmos data-plane role, assigned through sqlRoleAssignments).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// ============== //
//   Resources    //
// ============== //

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: cosmosAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource communication 'Microsoft.Communication/communicationServices@2025-05-01' existing = {
  name: communicationServiceName
}

// Communication and Email Service Owner → app (on the ACS resource only)
resource appEmail 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, appPrincipalId, roles.communicationAndEmailServiceOwner)
  scope: communication
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.communicationAndEmailServiceOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor → app
resource appBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor → app
resource appQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets Officer → app
resource appSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher → app
resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Cosmos DB Built-in Data Contributor → app
resource appCosmos 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, appPrincipalId, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: appPrincipalId
    scope: cosmos.id
  }
}

// Key Vault Administrator → admin group
resource adminVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, adminGroupObjectId, roles.keyVaultAdministrator)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultAdministrator)
    principalId: adminGroupObjectId
    principalType: 'Group'
  }
}

// Cosmos DB Account Reader Role → admin group
resource adminCosmos 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(cosmos.id, adminGroupObjectId, roles.cosmosAccountReader)
  scope: cosmos
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cosmosAccountReader)
    principalId: adminGroupObjectId
    principalType: 'Group'
  }
}
