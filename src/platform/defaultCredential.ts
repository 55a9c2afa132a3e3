import type { TokenCredential } from '@azure/identity';
import { loadWhenUsed } from './loadWhenUsed';

/** The managed identity in Azure (DefaultAzureCredential), with its SDK loaded only when one is needed. */
export function defaultCredential(): TokenCredential {
  const { DefaultAzureCredential } = loadWhenUsed<typeof import('@azure/identity')>('@azure/identity');
  return new DefaultAzureCredential();
}
