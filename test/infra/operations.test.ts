import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrayItems, declarations, literal, propertyAt } from '../../scripts/infra/bicepModel';
import { parseBicep } from '../../scripts/infra/bicepParser';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('operations can see failures', () => {
  it('alerts on failures, 5xx rate, p95 latency, poisoned notifications, failed key rotations and a stopped reminders job', async () => {
    const tree = await parseBicep(read('infra/modules/alerts.bicep'), 'bicep');
    const decls = declarations(tree);
    const logAlerts = arrayItems(decls.find((d) => d.name === 'logAlerts')?.value).map((a) => ({
      name: literal(propertyAt(a, 'name')),
      query: literal(propertyAt(a, 'query')) as string,
      operator: literal(propertyAt(a, 'operator')),
    }));
    expect(logAlerts.map((a) => a.name)).toEqual([
      'api-5xx-rate',
      'api-p95-latency',
      'notifications-poisoned',
      'key-rotation-failed',
      'reminders-not-running',
    ]);
    const byName = Object.fromEntries(logAlerts.map((a) => [a.name, a]));
    expect(byName['api-5xx-rate']?.query).toContain('toint(ResultCode) >= 500');
    expect(byName['api-p95-latency']?.query).toContain('percentile(DurationMs, 95)');
    expect(byName['reminders-not-running']).toMatchObject({ operator: 'LessThan' });
    // Every one of them is a rule, sent to the action group.
    const rules = decls.find((d) => d.name === 'logAlertRules');
    expect(rules?.type).toMatch(/^Microsoft.Insights\/scheduledQueryRules@/);
    expect(rules?.node.text).toContain('for alert in logAlerts');
    expect(rules?.node.text).toContain('actionGroup.id');
    // The reminders alert waits two schedules of the job the function app runs.
    const app = read('infra/modules/functionapp.bicep');
    expect(app).toContain("param remindersSchedule string = '0 */15 * * * *'");
    expect(read('infra/modules/alerts.bicep')).toContain('param remindersIntervalMinutes int = 15');
  });

  it('host.json bounds function runs and queue batches, retries a notification 5 times, never samples failures away', () => {
    const host = JSON.parse(read('host.json')) as {
      functionTimeout: string;
      logging: { applicationInsights: { samplingSettings: { excludedTypes: string } } };
      extensions: { queues: { batchSize: number; maxDequeueCount: number; visibilityTimeout: string } };
    };
    expect(host.functionTimeout).toBe('00:10:00');
    expect(host.extensions.queues).toMatchObject({
      batchSize: 8,
      maxDequeueCount: 5,
      visibilityTimeout: '00:01:00',
    });
    expect(host.logging.applicationInsights.samplingSettings.excludedTypes.split(';')).toEqual(
      expect.arrayContaining(['Request', 'Exception']),
    );
    // The poison alert's text matches the retries configured here.
    expect(read('infra/modules/alerts.bicep')).toContain(
      `after ${host.extensions.queues.maxDequeueCount} tries`,
    );
  });

  it('Flex Consumption caps HTTP concurrency per instance', async () => {
    const tree = await parseBicep(read('infra/modules/functionapp.bicep'), 'bicep');
    const site = declarations(tree).find((d) => d.name === 'site');
    const perInstance = propertyAt(
      site?.value,
      'properties.functionAppConfig.scaleAndConcurrency.triggers.http.perInstanceConcurrency',
    );
    expect(perInstance?.text).toBe('httpPerInstanceConcurrency');
  });
});
