import { app } from '@azure/functions';
import { listAuditLogs, parseAuditQuery } from '../src/audit/auditQuery';
import { authedEndpoint } from '../src/http/pipeline';
import { http } from './_shared/http';

// Read-only by design: there is no endpoint that edits or deletes audit entries.
app.http('audit-logs-list', {
  route: 'api/v2/audit_logs',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(
      async (request, principal, services) => ({
        status: 200,
        json: await listAuditLogs(services, principal, parseAuditQuery(request.url.searchParams)),
      }),
      { audit: { action: 'audit_log_read' } },
    ),
  ),
});
