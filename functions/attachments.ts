import { app } from '@azure/functions';
import { openAttachment } from '../src/attachments/attachmentReader';
import { removeAttachment } from '../src/attachments/attachmentRemover';
import { uploadAttachment } from '../src/attachments/attachmentUploader';
import { contentDisposition } from '../src/attachments/fileNames';
import { cleanUpPendingAttachments } from '../src/attachments/pendingCleanup';
import { uploadInputFrom } from '../src/attachments/uploadRequest';
import { ok } from '../src/http/responses';
import { allKinds } from '../src/records/recordKinds';
import { getApp } from '../src/runtime';
import { authedRoute } from './_shared/http';

// Upload and removal on each record type: POST /cases/{id}/attachments, /incidents/..., /tracing_requests/...
for (const kind of allKinds) {
  authedRoute(
    `${kind.resource}-attachments-upload`,
    'POST',
    `api/v2/${kind.resource}/{id}/attachments`,
    async (request, principal, services) => {
      const input = await uploadInputFrom(request);
      const repo = services.records.repos[kind.type];
      const attachment = await uploadAttachment(services.attachments, repo, principal, input);
      // Primero's keys beside ours: `comments` (null when none) and the record it is on.
      return ok({ ...attachment, comments: attachment.comments ?? null, record: { id: input.recordId } });
    },
    { audit: { action: 'attachment_upload', record_type: kind.type } },
  );

  authedRoute(
    `${kind.resource}-attachments-delete`,
    'DELETE',
    `api/v2/${kind.resource}/{id}/attachments/{attachment_id}`,
    async (request, principal, services) => {
      const attachmentId = request.params.attachment_id ?? '';
      await removeAttachment(
        services.attachments,
        services.records.repos[kind.type],
        principal,
        request.params.id ?? '',
        attachmentId,
      );
      // As Primero: 204, no body.
      return { status: 204 };
    },
    { audit: { action: 'attachment_delete', record_type: kind.type } },
  );
}

authedRoute(
  'attachments-download',
  'GET',
  'api/v2/attachments/{id}',
  async (request, principal, services) => {
    const { attachment, body } = await openAttachment(
      services.attachments,
      principal,
      request.params.id ?? '',
      request.requestId,
    );
    return {
      status: 200,
      headers: {
        'Content-Type': attachment.content_type,
        'Content-Disposition': contentDisposition(attachment.file_name),
        'Content-Length': String(attachment.size),
      },
      stream: body,
    };
  },
);

// Daily: blobs of uploads or removals that did not finish (see pendingCleanup.ts).
app.timer('attachments-cleanup', {
  schedule: '0 30 2 * * *',
  handler: async (_timer, context) => {
    const services = getApp();
    const result = await cleanUpPendingAttachments({
      store: services.attachments.store,
      repos: services.records.repos,
      clock: services.clock,
    });
    context.log(`attachments-cleanup: ${result.deleted} deleted, ${result.committed} committed`);
  },
});
