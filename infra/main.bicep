// primero-serverless: one country deployment in one step.
//   az deployment sub create --location <region> --template-file infra/main.bicep \
//     --parameters infra/countries/<cc>.bicepparam
targetScope = 'subscription'

// ============== //
//   Parameters   //
// ============== //

@description('Required. ISO 3166-1 alpha-2 code of the country this deployment serves (XK for Kosovo).')
@allowed([
  'AD'
  'AE'
  'AF'
  'AG'
  'AI'
  'AL'
  'AM'
  'AO'
  'AQ'
  'AR'
  'AS'
  'AT'
  'AU'
  'AW'
  'AX'
  'AZ'
  'BA'
  'BB'
  'BD'
  'BE'
  'BF'
  'BG'
  'BH'
  'BI'
  'BJ'
  'BL'
  'BM'
  'BN'
  'BO'
  'BQ'
  'BR'
  'BS'
  'BT'
  'BV'
  'BW'
  'BY'
  'BZ'
  'CA'
  'CC'
  'CD'
  'CF'
  'CG'
  'CH'
  'CI'
  'CK'
  'CL'
  'CM'
  'CN'
  'CO'
  'CR'
  'CU'
  'CV'
  'CW'
  'CX'
  'CY'
  'CZ'
  'DE'
  'DJ'
  'DK'
  'DM'
  'DO'
  'DZ'
  'EC'
  'EE'
  'EG'
  'EH'
  'ER'
  'ES'
  'ET'
  'FI'
  'FJ'
  'FK'
  'FM'
  'FO'
  'FR'
  'GA'
  'GB'
  'GD'
  'GE'
  'GF'
  'GG'
  'GH'
  'GI'
  'GL'
  'GM'
  'GN'
  'GP'
  'GQ'
  'GR'
  'GS'
  'GT'
  'GU'
  'GW'
  'GY'
  'HK'
  'HM'
  'HN'
  'HR'
  'HT'
  'HU'
  'ID'
  'IE'
  'IL'
  'IM'
  'IN'
  'IO'
  'IQ'
  'IR'
  'IS'
  'IT'
  'JE'
  'JM'
  'JO'
  'JP'
  'KE'
  'KG'
  'KH'
  'KI'
  'KM'
  'KN'
  'KP'
  'KR'
  'KW'
  'KY'
  'KZ'
  'LA'
  'LB'
  'LC'
  'LI'
  'LK'
  'LR'
  'LS'
  'LT'
  'LU'
  'LV'
  'LY'
  'MA'
  'MC'
  'MD'
  'ME'
  'MF'
  'MG'
  'MH'
  'MK'
  'ML'
  'MM'
  'MN'
  'MO'
  'MP'
  'MQ'
  'MR'
  'MS'
  'MT'
  'MU'
  'MV'
  'MW'
  'MX'
  'MY'
  'MZ'
  'NA'
  'NC'
  'NE'
  'NF'
  'NG'
  'NI'
  'NL'
  'NO'
  'NP'
  'NR'
  'NU'
  'NZ'
  'OM'
  'PA'
  'PE'
  'PF'
  'PG'
  'PH'
  'PK'
  'PL'
  'PM'
  'PN'
  'PR'
  'PS'
  'PT'
  'PW'
  'PY'
  'QA'
  'RE'
  'RO'
  'RS'
  'RU'
  'RW'
  'SA'
  'SB'
  'SC'
  'SD'
  'SE'
  'SG'
  'SH'
  'SI'
  'SJ'
  'SK'
  'SL'
  'SM'
  'SN'
  'SO'
  'SR'
  'SS'
  'ST'
  'SV'
  'SX'
  'SY'
  'SZ'
  'TC'
  'TD'
  'TF'
  'TG'
  'TH'
  'TJ'
  'TK'
  'TL'
  'TM'
  'TN'
  'TO'
  'TR'
  'TT'
  'TV'
  'TW'
  'TZ'
  'UA'
  'UG'
  'UM'
  'US'
  'UY'
  'UZ'
  'VA'
  'VC'
  'VE'
  'VG'
  'VI'
  'VN'
  'VU'
  'WF'
  'WS'
  'XK'
  'YE'
  'YT'
  'ZA'
  'ZM'
  'ZW'
])
param countryCode string

@description('Required. Environment name, 2-8 lowercase letters or digits, e.g. prod or pilot (the pattern is checked by npm test, new-country and azd\'s preprovision hook: Bicep has no regex).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Optional. Azure region of every resource: one that offers Flex Consumption (az functionapp list-flexconsumption-locations). Defaults to the region of the deployment.')
@metadata({
  azd: {
    type: 'location'
  }
})
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'canadaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'japanwest'
  'koreacentral'
  'mexicocentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'polandcentral'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'switzerlandnorth'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
param location string = deployment().location

@description('Required. Object id of the Entra ID group of this country\'s administrators (Key Vault Administrator, Cosmos DB Account Reader).')
@minLength(36)
@maxLength(36)
param adminGroupObjectId string

@description('Required. Email address that receives the operational alerts (function failures, poisoned notifications).')
@minLength(3)
param alertEmail string

@description('Optional. Most instances the function app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Memory of each function app instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Node.js version of the function app (Node 20 is out of support; package.json engines and every dependency accept 22).')
@allowed([
  '22'
])
param nodeVersion string = '22'

@description('Optional. Cosmos DB capacity: serverless (pay per request, best below ~1M requests a day) or autoscale (provisioned, shared by all containers).')
@allowed([
  'serverless'
  'autoscale'
])
param cosmosCapacityMode string = 'serverless'

@description('Optional. Autoscale ceiling in RU/s, when cosmosCapacityMode is autoscale.')
@minValue(1000)
@maxValue(1000000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Optional. Cosmos DB, Storage and Key Vault reachable only through private endpoints in a virtual network the function app joins: public network access off, firewalls default-deny. On for prod.')
param networkIsolation bool = environmentName == 'prod'

@description('Optional. Address space of the virtual network, with networkIsolation.')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('Optional. CanNotDelete locks on Cosmos DB, Key Vault and Storage. On for prod.')
param enableDeleteLocks bool = environmentName == 'prod'

@description('Optional. Cosmos DB spread over the region\'s availability zones (the region must have zones; see docs/deploy.md for the cost).')
param cosmosZoneRedundant bool = false

@description('Optional. Storage replication: ZRS keeps three copies across zones (regions without zones: LRS).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Optional. HTTP requests one function app instance serves at once.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 16

@description('Optional. Days logs are kept in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Optional. Sign-in: embedded (the built-in identity provider, 2FA by TOTP) or entra (Microsoft Entra ID access tokens; MFA required by Conditional Access for roles that need it).')
@allowed([
  'embedded'
  'entra'
])
param authMode string = 'embedded'

@description('Optional. With authMode entra: the API\'s application ID URI or client id.')
param entraAudience string = ''

@description('Optional. With authMode entra: the client id of the web app\'s single-page application registration (docs/deploy.md).')
param entraClientId string = ''

@description('Optional. With authMode entra: the scope the web app asks for, e.g. api://primero/access_as_user (default the audience\'s /.default).')
param entraScope string = ''

@description('Optional. Where Azure Communication Services keeps notification e-mail data at rest (an ACS data location).')
@allowed([
  'Africa'
  'Asia Pacific'
  'Australia'
  'Brazil'
  'Canada'
  'Europe'
  'France'
  'Germany'
  'India'
  'Japan'
  'Korea'
  'Norway'
  'Switzerland'
  'UAE'
  'UK'
  'United States'
])
param emailDataLocation string = 'Africa'

@description('Optional. Tags added to every resource.')
param tags object = {}

// ============== //
//   Variables    //
// ============== //

var cc = toLower(countryCode)
var suffix = take(uniqueString(subscription().id, countryCode, environmentName), 6)
var allTags = union(tags, {
  application: 'primero-serverless'
  country: countryCode
  environment: environmentName
  'azd-env-name': environmentName
})
var names = {
  resourceGroup: 'rg-primero-${environmentName}-${cc}'
  logAnalytics: 'log-primero-${environmentName}-${cc}'
  appInsights: 'appi-primero-${environmentName}-${cc}'
  storage: take('stprm${environmentName}${cc}${suffix}', 24)
  cosmos: 'cosmos-primero-${environmentName}-${cc}-${suffix}'
  keyVault: 'kv-${cc}-${environmentName}-${suffix}'
  plan: 'asp-primero-${environmentName}-${cc}'
  functionApp: 'func-primero-${environmentName}-${cc}-${suffix}'
  actionGroup: 'ag-primero-${environmentName}-${cc}'
  vnet: 'vnet-primero-${environmentName}-${cc}'
  emailService: 'ecs-primero-${environmentName}-${cc}-${suffix}'
  communicationService: 'acs-primero-${environmentName}-${cc}-${suffix}'
}

// ============== //
//   Resources    //
// ============== //

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: names.resourceGroup
  location: location
  tags: allTags
}

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    retentionInDays: logRetentionInDays
    tags: allTags
  }
}

module network './modules/network.bicep' = if (networkIsolation) {
  name: 'network'
  scope: rg
  params: {
    name: names.vnet
    location: location
    addressPrefix: vnetAddressPrefix
    tags: allTags
  }
}

module storage './modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    skuName: storageSku
    networkIsolation: networkIsolation
    enableDeleteLock: enableDeleteLocks
    workspaceId: monitoring.outputs.workspaceId
    tags: allTags
  }
}

module cosmos './modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: names.cosmos
    location: location
    capacityMode: cosmosCapacityMode
    zoneRedundant: cosmosZoneRedundant
    networkIsolation: networkIsolation
    enableDeleteLock: enableDeleteLocks
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    workspaceId: monitoring.outputs.workspaceId
    tags: allTags
  }
}

module keyVault './modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    networkIsolation: networkIsolation
    enableDeleteLock: enableDeleteLocks
    workspaceId: monitoring.outputs.workspaceId
    tags: allTags
  }
}

module privateEndpoints './modules/privateEndpoints.bicep' = if (networkIsolation) {
  name: 'private-endpoints'
  scope: rg
  params: {
    location: location
    subnetId: networkIsolation ? network.outputs.privateEndpointSubnetId : ''
    cosmosAccountId: cosmos.outputs.id
    storageAccountId: storage.outputs.id
    keyVaultId: keyVault.outputs.id
    dnsZoneIds: networkIsolation ? network.outputs.dnsZoneIds : {}
    tags: allTags
  }
}

module email './modules/email.bicep' = {
  name: 'email'
  scope: rg
  params: {
    emailServiceName: names.emailService
    communicationServiceName: names.communicationService
    dataLocation: emailDataLocation
    workspaceId: monitoring.outputs.workspaceId
    tags: allTags
  }
}

module functionApp './modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: names.plan
    name: names.functionApp
    location: location
    nodeVersion: nodeVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    subnetId: networkIsolation ? network.outputs.appSubnetId : ''
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    attachmentsContainerName: storage.outputs.attachmentsContainerName
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    keyVaultUri: keyVault.outputs.uri
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    authMode: authMode
    entraAudience: entraAudience
    entraClientId: entraClientId
    entraScope: entraScope
    acsEndpoint: email.outputs.endpoint
    notificationSender: email.outputs.senderAddress
    workspaceId: monitoring.outputs.workspaceId
    tags: allTags
  }
}

module rbac './modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    appPrincipalId: functionApp.outputs.principalId
    adminGroupObjectId: adminGroupObjectId
    storageAccountName: storage.outputs.name
    cosmosAccountName: cosmos.outputs.name
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    communicationServiceName: email.outputs.communicationServiceName
  }
}

module alerts './modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    actionGroupName: names.actionGroup
    location: location
    alertEmail: alertEmail
    appInsightsId: monitoring.outputs.appInsightsId
    workspaceId: monitoring.outputs.workspaceId
    tags: allTags
  }
}

// ============== //
//   Outputs      //
// ============== //

@description('Base URL of the API.')
output API_URL string = 'https://${functionApp.outputs.defaultHostName}/api/v2'

@description('Name of the function app, for `func azure functionapp publish` or `az functionapp deployment`.')
output FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Resource group of the deployment.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Cosmos DB endpoint.')
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint

@description('Key Vault URL.')
output KEY_VAULT_URL string = keyVault.outputs.uri

@description('Storage account of attachments and queues.')
output STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Country code of the deployment, for the post-deployment setup.')
output COUNTRY_CODE string = countryCode
