// Azure Communication Services Email: the channel that brings reminder notifications to caseworkers.
// An Azure-managed sender domain (DoNotReply@<guid>.azurecomm.net) works at once; a country can link its
// own verified domain later. No access keys (Entra ID only), no engagement tracking (no pixels or
// rewritten links in mail about children's cases).

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the Email Communication Service.')
param emailServiceName string

@description('Required. Name of the Communication Service.')
param communicationServiceName string

@description('Optional. Where ACS keeps its data at rest (an ACS data location, e.g. Africa, Europe, United States).')
param dataLocation string = 'Africa'

@description('Required. Log Analytics workspace for diagnostic settings.')
param workspaceId string

@description('Optional. Tags.')
param tags object = {}

// ============== //
//   Resources    //
// ============== //

resource emailService 'Microsoft.Communication/emailServices@2025-05-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2025-05-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      domain.id
    ]
    disableLocalAuth: true
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: communication
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
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

@description('Communication Service name (for its role assignment).')
output communicationServiceName string = communication.name

@description('Endpoint the app sends mail through (ACS_ENDPOINT).')
output endpoint string = 'https://${communication.properties.hostName}'

@description('Sender address of the managed domain (NOTIFY_EMAIL_SENDER).')
output senderAddress string = 'DoNotReply@${domain.properties.mailFromSenderDomain}'
