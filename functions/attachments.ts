import { app } from '@azure/functions';
import { MAX_ATTACHMENT_BYTES, type AttachmentField } from '../src/attachments/attachmentTypes';
import { openAttachment } from '../src/attachments/attachmentReader';
import { removeAttachment } from '../src/attachments/attachmentRemover';
import { uploadAttachment } from '../src/attachments/attachmentUploader';
import { decodeBase64Attachment } from '../src/attachments/base64Body';
import { contentDisposition } from '../src/attachments/fileNames';
import { cleanUpPendingAttachments } from '../src/attachments/pendingCleanup';
import { attachmentJsonSchema, attachmentQuerySchema } from '../src/attachments/schema';
import { readJson } from '../src/http/body';
import { authedEndpoint } from '../src/http/pipeline';
import { ok } from '../src/http/responses';
import { parseOr422 } from '../src/http/validation';
import { allKinds } from '../src/records/recordKinds';
import { getApp } from '../src/runtime';
import { http } from './_shared/http';

// base64 of the largest file, plus the JSON around it.
const MAX_JSON_BYTES = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

// Upload and removal on each record type: POST /cases/{id}/attachments, /incidents/..., /tracing_requests/...
for (const kind of allKinds) {
  app.http(`${kind.resource}-attachments-upload`, {
    route: `v2/${kind.resource}/{id}/attachments`,
    methods: ['POST'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(
        async (request, principal, services) => {
          const recordId = request.params.id ?? '';
          const type = request.headers.get('content-type') ?? '';
          if (/^application\/json\b/i.test(type)) {
            const { data } = await readJson(request, attachmentJsonSchema, MAX_JSON_BYTES);
            const attachment = await uploadAttachment(
              services.attachments,
              services.records.repos[kind.type],
              principal,
              {
                recordId,
                fieldName: data.field_name as AttachmentField,
                fileName: data.file_name,
                contentType: data.content_type,
                description: data.description,
                attachmentId: data.id,
                body: decodeBase64Attachment(data.attachment),
              },
            );
            return ok(attachment);
          }
          const query = parseOr422(attachmentQuerySchema, Object.fromEntries(request.url.searchParams));
          const attachment = await uploadAttachment(
            services.attachments,
            services.records.repos[kind.type],
            principal,
            {
              recordId,
              fieldName: query.field_name as AttachmentField,
              fileName: query.file_name,
              contentType: type,
              description: query.description,
              attachmentId: query.attachment_id,
              declaredSize: Number(request.headers.get('content-length') ?? 0),
              body: request.stream(),
            },
          );
          return ok(attachment);
        },
        { audit: { action: 'attachment_upload', record_type: kind.type } },
      ),
    ),
  });

  app.http(`${kind.resource}-attachments-delete`, {
    route: `v2/${kind.resource}/{id}/attachments/{attachment_id}`,
    methods: ['DELETE'],
    authLevel: 'anonymous',
    handler: http(
      authedEndpoint(
        async (request, principal, services) => {
          const attachmentId = request.params.attachment_id ?? '';
          await removeAttachment(
            services.attachments,
            services.records.repos[kind.type],
            principal,
            request.params.id ?? '',
            attachmentId,
          );
          return ok({ id: attachmentId });
        },
        { audit: { action: 'attachment_delete', record_type: kind.type } },
      ),
    ),
  });
}

app.http('attachments-download', {
  route: 'v2/attachments/{id}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: http(
    authedEndpoint(async (request, principal, services) => {
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
    }),
  ),
});

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
