export interface NewCountryOptions {
  country: string;
  location: string;
  env: string;
  adminGroup: string;
  alertEmail: string;
  capacity: 'serverless' | 'autoscale';
}

/** Reads and checks the options of `npm run new-country`; every problem is reported, named. */
export function newCountryOptions(args: Record<string, string | true>): {
  options?: NewCountryOptions;
  problems: string[];
} {
  const problems: string[] = [];
  const text = (name: string, pattern: RegExp, hint: string) => {
    const value = args[name];
    if (typeof value !== 'string') problems.push(`--${name} is required (${hint})`);
    else if (!pattern.test(value)) problems.push(`--${name} ${value}: ${hint}`);
    return typeof value === 'string' ? value : '';
  };
  const country = text('country', /^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code such as SO').toUpperCase();
  const location = text('location', /^[a-z0-9]+$/, 'an Azure region name such as northeurope');
  const env = text('env', /^[a-z0-9]{2,8}$/, '2-8 lowercase letters or digits, such as prod');
  const adminGroup = text(
    'admin-group',
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    "the object id of the country admins' Entra ID group",
  );
  const alertEmail = text('alert-email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'the operations email address');
  const capacity = args.capacity === undefined ? 'serverless' : args.capacity;
  if (capacity !== 'serverless' && capacity !== 'autoscale')
    problems.push('--capacity must be serverless or autoscale');
  if (problems.length > 0) return { problems };
  return {
    options: {
      country,
      location,
      env,
      adminGroup,
      alertEmail,
      capacity: capacity as NewCountryOptions['capacity'],
    },
    problems,
  };
}

export function bicepparamFor(o: NewCountryOptions): string {
  return `// ${o.country} (${o.env}), written by npm run new-country. Edit freely; npm test checks it.
using '../main.bicep'

param countryCode = '${o.country}'
param environmentName = '${o.env}'
param location = '${o.location}'
param adminGroupObjectId = '${o.adminGroup.toLowerCase()}'
param alertEmail = '${o.alertEmail}'
param cosmosCapacityMode = '${o.capacity}'
`;
}

export function deploymentName(o: Pick<NewCountryOptions, 'country' | 'env'>): string {
  return `primero-${o.env}-${o.country.toLowerCase()}`;
}
