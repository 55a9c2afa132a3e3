// The virtual network of an isolated deployment (networkIsolation): a subnet the function app joins (Flex
// Consumption VNet integration) and a subnet for the private endpoints of Cosmos DB, Storage and Key Vault,
// with the private DNS zones that resolve their names to those endpoints from inside the network.

// ============== //
//   Parameters   //
// ============== //

@description('Required. Name of the virtual network.')
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Address space of the network (two /24 subnets are carved from it).')
param addressPrefix string = '10.40.0.0/16'

@description('Optional. Tags.')
param tags object = {}

// ============== //
//   Variables    //
// ============== //

// One zone per private endpoint kind (privatelink names of the public cloud), in the order of the
// dnsZoneIds output.
var dnsZones = [
  'privatelink.documents.azure.com'
  'privatelink.blob.${environment().suffixes.storage}'
  'privatelink.queue.${environment().suffixes.storage}'
  'privatelink.table.${environment().suffixes.storage}'
  'privatelink.vaultcore.azure.net'
]

// ============== //
//   Resources    //
// ============== //

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 0)
          // Flex Consumption joins a subnet delegated to Microsoft.App/environments.
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 1)
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in dnsZones: {
    name: zone
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in dnsZones: {
    parent: zones[i]
    name: 'link-${name}'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

// ============== //
//   Outputs      //
// ============== //

@description('Subnet the function app integrates with.')
output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'app')

@description('Subnet of the private endpoints.')
output privateEndpointSubnetId string = resourceId(
  'Microsoft.Network/virtualNetworks/subnets',
  vnet.name,
  'private-endpoints'
)

@description('Private DNS zone ids by endpoint kind (cosmos, blob, queue, table, vault).')
output dnsZoneIds object = {
  cosmos: zones[0].id
  blob: zones[1].id
  queue: zones[2].id
  table: zones[3].id
  vault: zones[4].id
}
