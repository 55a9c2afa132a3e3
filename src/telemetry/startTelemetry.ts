import type { TokenCredential } from '@azure/identity';
import { loadWhenUsed } from '../platform/loadWhenUsed';

/**
 * Sends traces (requests, dependencies, exceptions) to Application Insights through the Azure Monitor
 * OpenTelemetry distro, when APPLICATIONINSIGHTS_CONNECTION_STRING is set (in Azure; never locally).
 * Ingestion authenticates with the app's identity: the component has local (key) auth off.
 */
export function startTelemetry(env: NodeJS.ProcessEnv, credential: () => TokenCredential): boolean {
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return false;
  // Loaded only when telemetry is on: the distro alone takes about a second to load, at every cold start.
  const { useAzureMonitor } = loadWhenUsed<typeof import('@azure/monitor-opentelemetry')>(
    '@azure/monitor-opentelemetry',
  );
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, credential: credential() },
    // Requests are never sampled away (the distro's default keeps 5 traces a second): a failed request
    // must always reach the alerts.
    samplingRatio: 1,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
  });
  return true;
}
