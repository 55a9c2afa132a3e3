// Demo deployment for Kenya. Replace the admin group and email with your own before deploying.
using '../main.bicep'

param countryCode = 'KE'
param environmentName = 'demo'
param location = 'southafricanorth'
param adminGroupObjectId = '00000000-0000-0000-0000-000000000000'
param alertEmail = 'primero-ops-ke@example.org'
param cosmosCapacityMode = 'serverless'
param maximumInstanceCount = 40
param tags = {
  owner: 'unicef-ke-cp'
}
