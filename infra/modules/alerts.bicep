// Operational alerts to the country's operations email: failing requests (count and 5xx rate), slow
// requests (p95), any notification that ends in the poison queue (a caseworker may have missed a follow-up
// alert), a failed key rotation or re-encryption, and a reminders job that stopped running.

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

@description('Optional. Share of API requests answered with a 5xx, in percent over 15 minutes, that raises an alert.')
@minValue(1)
@maxValue(100)
param serverErrorRatePercent int = 5

@description('Optional. 95th percentile of API request duration, in ms over 15 minutes, that raises an alert.')
@minValue(100)
param p95LatencyMs int = 3000

@description('Optional. Minutes between two runs of the reminders job (REMINDERS_SCHEDULE): no run in two of them raises an alert.')
@minValue(5)
@maxValue(720)
param remindersIntervalMinutes int = 15

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

// Log alerts over the workspace: AppRequests holds the request telemetry (ours carries the real result
// code), StorageQueueLogs the queue service's diagnostic logs (storage module).
var logAlerts = [
  {
    name: 'api-5xx-rate'
    description: 'More than ${serverErrorRatePercent}% of API requests failed with a server error.'
    severity: 1
    window: 'PT15M'
    query: 'AppRequests | where Url has "/api/" | summarize failed = countif(toint(ResultCode) >= 500), total = count() | extend rate = iff(total == 0, 0.0, 100.0 * failed / total)'
    column: 'rate'
    aggregation: 'Maximum'
    operator: 'GreaterThan'
    threshold: serverErrorRatePercent
  }
  {
    name: 'api-p95-latency'
    description: '95% of API requests are not answered within ${p95LatencyMs} ms.'
    severity: 2
    window: 'PT15M'
    query: 'AppRequests | where Url has "/api/" | summarize p95 = percentile(DurationMs, 95)'
    column: 'p95'
    aggregation: 'Maximum'
    operator: 'GreaterThan'
    threshold: p95LatencyMs
  }
  {
    // Any put is a message that reached the poison queue: the depth went above zero.
    name: 'notifications-poisoned'
    description: 'A notification could not be delivered after 5 tries and is in notifications-poison.'
    severity: 1
    window: 'PT15M'
    query: 'StorageQueueLogs | where OperationName == "PutMessage" and ObjectKey has "notifications-poison"'
    column: ''
    aggregation: 'Count'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'key-rotation-failed'
    description: 'A data key rotation or the re-encryption job failed: records may stay sealed with an old key.'
    severity: 1
    window: 'PT1H'
    query: 'AppRequests | where (Name in ("reencrypt", "keys-rotate") or Name endswith "/admin/keys/rotate") and Success == false'
    column: ''
    aggregation: 'Count'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'reminders-not-running'
    description: 'The reminders job has not run in two schedules: caseworkers get no follow-up reminders.'
    severity: 1
    window: 'PT${2 * remindersIntervalMinutes}M'
    query: 'AppRequests | where Name == "reminders"'
    column: ''
    aggregation: 'Count'
    operator: 'LessThan'
    threshold: 1
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for alert in logAlerts: {
    name: alert.name
    location: location
    tags: tags
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        workspaceId
      ]
      evaluationFrequency: 'PT5M'
      windowSize: alert.window
      criteria: {
        allOf: [
          union(
            {
              query: alert.query
              timeAggregation: alert.aggregation
              operator: alert.operator
              threshold: alert.threshold
              failingPeriods: {
                numberOfEvaluationPeriods: 1
                minFailingPeriodsToAlert: 1
              }
            },
            empty(alert.column) ? {} : { metricMeasureColumn: alert.column }
          )
        ]
      }
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]
