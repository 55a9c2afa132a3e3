// Operational alerts to the country's operations email: function failures, and any notification that
// ends in the poison queue (a caseworker may have missed a follow-up alert).

// ============== //
//   Parameters   //
// ============== //

@description('Required. Action group name.')
param actionGroupName string

@description('Required. Azure region (of the log alert).')
param location string

@description('Required. Email address that receives the alerts.')
param alertEmail string

@description('Required. Application Insights resource id.')
param appInsightsId string

@description('Required. Log Analytics workspace resource id.')
param workspaceId string

@description('Optional. Failed function executions in 15 minutes that raise an alert.')
@minValue(1)
param failureThreshold int = 5

@description('Optional. Tags.')
param tags object = {}

// ============== //
//   Resources    //
// ============== //

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'primero-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource functionFailures 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'function-failures'
  location: 'global'
  tags: tags
  properties: {
    description: 'Function executions are failing.'
    severity: 1
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'failed-requests'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'microsoft.insights/components'
          metricName: 'requests/failed'
          operator: 'GreaterThanOrEqual'
          threshold: failureThreshold
          timeAggregation: 'Count'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// Needs the queue service's diagnostic logs in the workspace (storage module).
resource poisonedNotifications 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'notifications-poisoned'
  location: location
  tags: tags
  properties: {
    description: 'A notification could not be delivered after 5 tries and is in notifications-poison.'
    severity: 1
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'StorageQueueLogs | where OperationName == "PutMessage" and ObjectKey has "notifications-poison"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}
