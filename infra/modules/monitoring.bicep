// Log Analytics workspace and workspace-based Application Insights, with local (key) auth off: telemetry
// is sent with the app's Entra identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING=Authorization=AAD).

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param appInsightsName string

@description('Required. Azure region.')
param location string

@description('Optional. Days logs are kept.')
param retentionInDays int = 90

@description('Optional. Tags.')
param tags object = {}

// ============== //
//   Resources    //
// ============== //

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

// ============== //
//   Outputs      //
// ============== //

@description('Resource id of the Log Analytics workspace (diagnostic settings target).')
output workspaceId string = workspace.id

@description('Resource id of Application Insights.')
output appInsightsId string = appInsights.id

@description('Name of Application Insights.')
output appInsightsName string = appInsights.name

@description('Connection string of Application Insights (no secret: ingestion needs Entra auth).')
output appInsightsConnectionString string = appInsights.properties.ConnectionString
