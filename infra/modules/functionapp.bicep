// The function app on Flex Consumption, with a system-assigned identity and identity-based connections
// only: no keys or connection strings in its settings.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Name of the function app.')
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Node.js version.')
@allowed([
  '22'
])
param nodeVersion string = '22'

@description('Optional. Most instances to scale out to.')
param maximumInstanceCount int = 40

@description('Optional. Memory per instance, in MB.')
param instanceMemoryMB int = 2048

@description('Optional. HTTP requests one instance serves at once before Flex Consumption adds another (Node is single-threaded: a handful per instance keeps latency low).')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 16

@description('Optional. Subnet to join (VNet integration), for private endpoints; empty for none.')
param subnetId string = ''

@description('Required. Blob endpoint of the storage account.')
param storageBlobEndpoint string

@description('Required. Queue endpoint of the storage account.')
param storageQueueEndpoint string

@description('Required. Table endpoint of the storage account.')
param storageTableEndpoint string

@description('Required. Container that holds the deployment package.')
param deploymentContainerName string

@description('Required. Private container of the attachments.')
param attachmentsContainerName string

@description('Required. Cosmos DB endpoint.')
param cosmosEndpoint string

@description('Required. Cosmos DB database name.')
param cosmosDatabaseName string

@description('Required. Key Vault URL.')
param keyVaultUri string

@description('Required. Application Insights connection string.')
param appInsightsConnectionString string

@description('Required. Log Analytics workspace for diagnostic settings.')
param workspaceId string

@description('Optional. Sign-in: the built-in identity provider (embedded) or Microsoft Entra ID access tokens (entra).')
@allowed([
  'embedded'
  'entra'
])
param authMode string = 'embedded'

@description('Optional. With entra: the API\'s application ID URI or client id (the tokens\' audience).')
param entraAudience string = ''

@description('Optional. With entra: the client id of the web app\'s own (single-page application) registration.')
param entraClientId string = ''

@description('Optional. With entra: the scope the web app asks for (default the audience\'s /.default).')
param entraScope string = ''

@description('Optional. NCRONTAB schedule of the reminders job.')
param remindersSchedule string = '0 */15 * * * *'

@description('Optional. URL that receives each notification (e.g. an SMS gateway) instead of e-mail.')
param notificationWebhookUrl string = ''

@description('Required. Azure Communication Services endpoint that sends notification e-mail.')
param acsEndpoint string

@description('Required. Sender address of the e-mail notifications.')
param notificationSender string

@description('Optional. Tags.')
param tags object = {}

// ============== //
//   Variables    //
// ============== //

// Every setting src/config.ts reads in Azure (a test checks this list against the config schema).
var appSettings = {
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  COSMOS_ENDPOINT: cosmosEndpoint
  COSMOS_DATABASE: cosmosDatabaseName
  ATTACHMENTS_CONTAINER: attachmentsContainerName
  KEY_VAULT_URL: keyVaultUri
  AUTH_MODE: authMode
  ENTRA_TENANT_ID: tenant().tenantId
  ENTRA_AUDIENCE: entraAudience
  ENTRA_ISSUER: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
  ENTRA_JWKS_URL: '${environment().authentication.loginEndpoint}${tenant().tenantId}/discovery/v2.0/keys'
  ENTRA_MFA_AMR: 'mfa'
  ENTRA_CLIENT_ID: entraClientId
  ENTRA_SCOPE: entraScope
  // Where the web app's MSAL signs users in (the CSP of the page allows this origin).
  ENTRA_AUTHORITY: '${environment().authentication.loginEndpoint}${tenant().tenantId}'
  // The web-app function answers the site root (routePrefix ""), not the host's default page.
  AzureWebJobsDisableHomepage: 'true'
  TOKEN_TTL_MINUTES: '60'
  // Renewals keep a session alive this long after its sign-in at most.
  SESSION_MAX_HOURS: '12'
  // How late a sign-out, disabled account or role change made through another instance can be seen.
  AUTH_CACHE_SECONDS: '5'
  // Bulk assigns above 100 cases run as a background job of at most this many.
  BULK_ASSIGN_JOB_MAX: '5000'
  LOGIN_FREE_FAILURES: '3'
  LOGIN_MAX_DELAY_SECONDS: '900'
  LOGIN_LOCKOUT_FAILURES: '30'
  LOGIN_LOCKOUT_SOURCES: '5'
  LOGIN_LOCKOUT_MINUTES: '30'
  MAX_BODY_BYTES: '1048576'
  // Well under the HTTP trigger's 230 s limit: a stalled dependency is a 503 the client can retry.
  DEPENDENCY_TIMEOUT_MS: '10000'
  LOG_LEVEL: 'info'
  REENCRYPT_SCHEDULE: '0 */10 * * * *'
  REMINDERS_SCHEDULE: remindersSchedule
  NOTIFY_CHANNEL: notificationWebhookUrl == '' ? 'email' : 'webhook'
  NOTIFY_OUTBOX: '/tmp/outbox.jsonl'
  NOTIFY_WEBHOOK_URL: notificationWebhookUrl
  ACS_ENDPOINT: acsEndpoint
  NOTIFY_EMAIL_SENDER: notificationSender
}

// ============== //
//   Resources    //
// ============== //

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Stateless API: no sticky ARR cookie pinning a client to one instance.
    clientAffinityEnabled: false
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    clientCertEnabled: false
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        triggers: {
          http: {
            perInstanceConcurrency: httpPerInstanceConcurrency
          }
        }
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

// Publishing with basic (user/password) credentials is off: deployments authenticate with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
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

@description('Function app name.')
output name string = site.name

@description('Host name of the app.')
output defaultHostName string = site.properties.defaultHostName

@description('Object id of the app identity, for role assignments.')
output principalId string = site.identity.principalId
