// Demo deployment for Ghana. Replace the admin group and email with your own before deploying.
using '../main.bicep'

param countryCode = 'GH'
param environmentName = 'demo'
param location = 'southafricanorth'
param adminGroupObjectId = '00000000-0000-0000-0000-000000000000'
param alertEmail = 'primero-ops-gh@example.org'
param cosmosCapacityMode = 'serverless'
param maximumInstanceCount = 40
param tags = {
  owner: 'unicef-gh-cp'
}
