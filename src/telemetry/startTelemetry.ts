import type { TokenCredential } from '@azure/identity';
import { useAzureMonitor } from '@azure/monitor-opentelemetry';

/**
 * Sends traces (requests, dependencies, exceptions) to Application Insights through the Azure Monitor
 * OpenTelemetry distro, when APPLICATIONINSIGHTS_CONNECTION_STRING is set (in Azure; never locally).
 * Ingestion authenticates with the app's identity: the component has local (key) auth off.
 */
export function startTelemetry(env: NodeJS.ProcessEnv, credential: () => TokenCredential): boolean {
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return false;
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
