// Private endpoints of an isolated deployment: Cosmos DB (Sql), Storage (blob, queue, table: the app's
// data and the Functions host's own) and Key Vault (vault), each registered in its private DNS zone.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Azure region.')
param location string

@description('Required. Subnet of the private endpoints.')
param subnetId string

@description('Required. Cosmos DB account id.')
param cosmosAccountId string

@description('Required. Storage account id.')
param storageAccountId string

@description('Required. Key Vault id.')
param keyVaultId string

@description('Required. Private DNS zone ids by endpoint kind (network module output).')
param dnsZoneIds object

@description('Optional. Tags.')
param tags object = {}

// ============== //
//   Variables    //
// ============== //

var endpoints = [
  {
    name: 'cosmos'
    serviceId: cosmosAccountId
    groupId: 'Sql'
    zoneId: dnsZoneIds.cosmos
  }
  {
    name: 'blob'
    serviceId: storageAccountId
    groupId: 'blob'
    zoneId: dnsZoneIds.blob
  }
  {
    name: 'queue'
    serviceId: storageAccountId
    groupId: 'queue'
    zoneId: dnsZoneIds.queue
  }
  {
    name: 'table'
    serviceId: storageAccountId
    groupId: 'table'
    zoneId: dnsZoneIds.table
  }
  {
    name: 'vault'
    serviceId: keyVaultId
    groupId: 'vault'
    zoneId: dnsZoneIds.vault
  }
]

// ============== //
//   Resources    //
// ============== //

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [
  for endpoint in endpoints: {
    name: 'pe-${last(split(endpoint.serviceId, '/'))}-${endpoint.name}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: subnetId
      }
      privateLinkServiceConnections: [
        {
          name: endpoint.name
          properties: {
            privateLinkServiceId: endpoint.serviceId
            groupIds: [
              endpoint.groupId
            ]
          }
        }
      ]
    }
  }
]

resource dnsZoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [
  for (endpoint, i) in endpoints: {
    parent: privateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: endpoint.name
          properties: {
            privateDnsZoneId: endpoint.zoneId
          }
        }
      ]
    }
  }
]

// ============== //
//   Outputs      //
// ============== //

@description('Group ids that have a private endpoint.')
output groupIds array = [for endpoint in endpoints: endpoint.groupId]
