import { app } from '@azure/functions';
import { answerLocale } from '../src/http/messageLocale';
import { ok } from '../src/http/responses';
import { getApp } from '../src/runtime';
import {
  BULK_ASSIGN_QUEUE,
  presentBulkAssignJob,
  readBulkAssignJob,
} from '../src/transitions/bulkAssignJobs';
import { runBulkAssignJob } from '../src/transitions/bulkAssignWorker';
import { authedRoute } from './_shared/http';

// A bulk assign of more than 100 cases (POST /cases/assigns) runs here; a failure is retried by the host
// and, after 5 tries, poisoned. Each delivery resumes the job where the last one stopped.
app.storageQueue('bulk-assigns-worker', {
  queueName: BULK_ASSIGN_QUEUE,
  connection: 'AzureWebJobsStorage',
  handler: async (message) => {
    const services = getApp();
    await runBulkAssignJob(
      {
        transitions: { ...services.records, users: services.users },
        jobs: services.bulkAssignJobs,
        audit: services.audit,
      },
      message,
    );
  },
});

authedRoute(
  'cases-assigns-job',
  'GET',
  'api/v2/cases/assigns/jobs/{job_id}',
  async (request, principal, services) =>
    ok(
      presentBulkAssignJob(
        await readBulkAssignJob(services.bulkAssignJobs, principal, request.params.job_id ?? ''),
        answerLocale(request),
      ),
    ),
  { audit: { action: 'read', record_type: 'case' } },
);
