// Cosmos DB for NoSQL: database `primero` with every container of the design, each partitioned by
// country first (hierarchical keys). Keys are disabled: the app and admins use Entra ID and RBAC.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Account name (3-44 lowercase letters, digits, hyphens).')
@minLength(3)
@maxLength(44)
param name string

@description('Required. Azure region.')
param location string

@description('Optional. serverless or autoscale.')
@allowed([
  'serverless'
  'autoscale'
])
param capacityMode string = 'serverless'

@description('Optional. Autoscale ceiling in RU/s (autoscale only), shared by the containers.')
param autoscaleMaxThroughput int = 1000

@description('Required. Log Analytics workspace for diagnostic settings.')
param workspaceId string

@description('Optional. Spread the account over the region\'s availability zones (the region must have zones).')
param zoneRedundant bool = false

@description('Optional. Reachable only through private endpoints: public network access off, firewall default-deny.')
param networkIsolation bool = false

@description('Optional. A CanNotDelete lock: deleting the resource needs the lock removed first.')
param enableDeleteLock bool = false

@description('Optional. Tags.')
param tags object = {}

// ============== //
//   Variables    //
// ============== //

var databaseName = 'primero'
var defaultIndexing = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [
    {
      path: '/*'
    }
  ]
  excludedPaths: [
    {
      path: '/"_etag"/?'
    }
  ]
}
// Must match src/platform/containers.ts (a test compares them).
var containers = [
  {
    name: 'records'
    partitionKeyPaths: [
      '/country_code'
      '/id'
    ]
    defaultTtl: -1
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        {
          path: '/*'
        }
      ]
      // Narratives are never filtered on: not indexing them saves RU on every write.
      excludedPaths: [
        {
          path: '/"_etag"/?'
        }
        {
          path: '/notes_section/*'
        }
        {
          path: '/followup_subform_section/*'
        }
      ]
      // Sync pulls page through changes in commit order, ties broken by id.
      compositeIndexes: [
        [
          {
            path: '/_ts'
            order: 'ascending'
          }
          {
            path: '/id'
            order: 'ascending'
          }
        ]
      ]
    }
  }
  {
    name: 'alerts'
    partitionKeyPaths: [
      '/country_code'
      '/record_id'
    ]
    defaultTtl: null
    indexingPolicy: defaultIndexing
  }
  {
    name: 'audit'
    partitionKeyPaths: [
      '/country_code'
      '/record_id'
    ]
    defaultTtl: null
    indexingPolicy: defaultIndexing
  }
  {
    name: 'users'
    partitionKeyPaths: [
      '/country_code'
      '/id'
    ]
    defaultTtl: -1
    indexingPolicy: defaultIndexing
  }
  {
    name: 'config'
    partitionKeyPaths: [
      '/country_code'
      '/id'
    ]
    defaultTtl: null
    indexingPolicy: defaultIndexing
  }
  {
    name: 'sync'
    partitionKeyPaths: [
      '/country_code'
      '/record_id'
    ]
    defaultTtl: -1
    indexingPolicy: defaultIndexing
  }
]

// ============== //
//   Resources    //
// ============== //

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: zoneRedundant
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: capacityMode == 'serverless'
      ? [
          {
            name: 'EnableServerless'
          }
        ]
      : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    networkAclBypass: 'AzureServices'
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: capacityMode == 'autoscale'
      ? {
          autoscaleSettings: {
            maxThroughput: autoscaleMaxThroughput
          }
        }
      : {}
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: union(
        {
          id: container.name
          partitionKey: {
            paths: container.partitionKeyPaths
            kind: 'MultiHash'
            version: 2
          }
          indexingPolicy: container.indexingPolicy
        },
        container.defaultTtl == null ? {} : { defaultTtl: container.defaultTtl }
      )
    }
  }
]

// Deleting the account would lose case data or keys for good: in prod the lock must be removed first, on purpose.
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = if (enableDeleteLock) {
  name: 'do-not-delete'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds case records, attachments or keys of a country. Remove the lock only to retire the deployment.'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: workspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Requests'
        enabled: true
      }
    ]
  }
}

// ============== //
//   Outputs      //
// ============== //

@description('Account name.')
output name string = account.name

@description('Account id (private endpoints).')
output id string = account.id

@description('Endpoint (COSMOS_ENDPOINT).')
output endpoint string = account.properties.documentEndpoint

@description('Database name (COSMOS_DATABASE).')
output databaseName string = database.name
