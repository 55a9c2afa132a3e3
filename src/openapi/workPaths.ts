import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { approvalSchema } from '../approvals/approvals';
import { attachmentJsonSchema, attachmentQuerySchema, attachmentSchema } from '../attachments/schema';
import { ownAccountUpdateSchema } from '../auth/ownAccount';
import { totpVerifySchema } from '../auth/schema';
import { bulkFlagSchema, flagCreateSchema, flagUpdateSchema } from '../flags/schema';
import { allKinds } from '../records/recordKinds';
import { pushBodySchema } from '../sync/schema';
import { bulkAssignSchema, bulkReferralSchema, bulkTransferSchema } from '../transitions/bulkTransitions';
import { flagListItemSchema, listOf, ownAccountSchema, syncPullSchema, taskSchema } from './recordSchemas';
import { recipientQuerySchema } from '../transitions/recipients';
import { transferRequestResponseSchema, transferRequestSchema } from '../transitions/transferRequests';
import {
  assignSchema,
  referralResponseSchema,
  referralSchema,
  transferResponseSchema,
  transferSchema,
} from '../transitions/transitions';

type Method = 'get' | 'post' | 'patch' | 'delete';
interface Op {
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  errors?: number[];
  /** The 200 body, where the document describes it. */
  response?: z.ZodType;
  /** Answers 204 with no body instead of 200. */
  noContent?: boolean;
}

/**
 * Everything around a record (flags, alerts, attachments, history, sync, casework) and the user's own
 * endpoints, from the zod schemas that validate their bodies.
 */
export function registerWorkPaths(
  registry: OpenAPIRegistry,
  secured: { security: Record<string, string[]>[] },
  errors: (...codes: number[]) => object,
) {
  const op = (method: Method, path: string, o: Op) => {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const params = names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) : undefined;
    registry.registerPath({
      method,
      path: `/api/v2${path}`,
      summary: o.summary,
      ...secured,
      request: {
        ...(params ? { params } : {}),
        ...(o.query ? { query: o.query } : {}),
        ...(o.body ? { body: { content: { 'application/json': { schema: o.body } } } } : {}),
      },
      responses: {
        ...(o.noContent
          ? { 204: { description: 'Done' } }
          : {
              200: o.response
                ? { description: 'OK', content: { 'application/json': { schema: o.response } } }
                : { description: 'OK' },
            }),
        ...errors(...(o.errors ?? [401, 403, 404])),
      },
    });
  };
  const page = z.object({ page: z.int().min(1).optional(), per: z.int().min(1).max(1000).optional() });
  const cursorQuery = z.object({
    cursor: z.string().optional(),
    per: z.int().min(1).max(1000).optional(),
    fields: z.string().optional(),
  });

  for (const kind of allKinds) {
    const r = `/${kind.resource}`;
    const noun = kind.label.toLowerCase();
    op('get', `${r}/{id}/flags`, { summary: `Flags of a ${noun}` });
    op('post', `${r}/{id}/flags`, {
      summary: `Flag a ${noun}`,
      body: flagCreateSchema,
      errors: [401, 403, 404, 422],
    });
    op('patch', `${r}/{id}/flags/{flag_id}`, {
      summary: 'Unflag (unflag_message), or edit an active flag (message, date)',
      body: flagUpdateSchema,
      errors: [401, 403, 404, 422],
    });
    op('post', `${r}/flags`, {
      summary: `Flag up to 100 ${kind.resource}`,
      body: bulkFlagSchema,
      errors: [401, 422],
    });
    op('get', `${r}/{id}/alerts`, { summary: `Alerts of a ${noun}` });
    op('delete', `${r}/{id}/alerts/{alert_id}`, { summary: 'Dismiss an alert' });
    registry.registerPath({
      method: 'post',
      path: `/api/v2${r}/{id}/attachments`,
      summary: `Attach a file to a ${noun}: Primero's JSON (base64), or the raw bytes with the file's Content-Type`,
      ...secured,
      request: {
        params: z.object({ id: z.string() }),
        query: attachmentQuerySchema.partial(),
        body: {
          content: {
            'application/json': { schema: attachmentJsonSchema },
            'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) },
          },
        },
      },
      responses: {
        200: {
          description: 'The attachment',
          content: {
            'application/json': {
              schema: z.object({
                data: attachmentSchema.extend({
                  comments: z.string().nullable(),
                  record: z.object({ id: z.string() }),
                }),
              }),
            },
          },
        },
        ...errors(400, 401, 403, 404, 413, 415, 422),
      },
    });
    op('delete', `${r}/{id}/attachments/{attachment_id}`, {
      summary: 'Remove an attachment',
      noContent: true,
    });
    op('get', `${r}/{id}/record_history`, {
      summary: `Who changed what in a ${noun}, newest first (paged)`,
      query: z.object({ page: z.int().min(1).optional(), per: z.int().min(1).max(1000).optional() }),
      errors: [400, 401, 403, 404],
    });
    op('get', `/sync${r}`, {
      summary: `Changes of ${kind.resource} in scope since the cursor (tombstones included)`,
      query: cursorQuery,
      errors: [400, 401, 403],
      response: syncPullSchema,
    });
    op('post', `/sync${r}`, {
      summary: 'Apply up to 100 offline mutations',
      body: pushBodySchema,
      errors: [400, 401, 403, 413, 422],
    });
    op('delete', `/admin${r}/{id}`, {
      summary: `Hard-delete a disabled ${noun} (admins)`,
      errors: [401, 403, 404, 422],
    });
  }

  op('get', '/attachments/{id}', { summary: 'Download an attachment (streamed, audited)' });
  op('get', '/flags', {
    summary: 'Active flags across the caller scope, newest first',
    query: page,
    errors: [400, 401],
    response: listOf(flagListItemSchema),
  });
  op('get', '/alerts', { summary: 'Records with alerts, per record type', errors: [401] });
  op('get', '/tasks', {
    summary: 'The caller due and overdue work, soonest first',
    query: page,
    errors: [400, 401],
    response: listOf(taskSchema),
  });
  op('get', '/cases/{id}/incidents', { summary: 'Incidents recorded from a case' });
  op('post', '/cases/{id}/incidents', {
    summary: 'Record an incident from a case',
    body: z.object({ data: z.record(z.string(), z.unknown()) }),
    errors: [401, 403, 404, 422],
  });
  op('patch', '/cases/{id}/approvals/{approval_id}', {
    summary: 'Request, approve or reject (assessment, case_plan, closure, action_plan, gbv_closure)',
    body: approvalSchema,
    errors: [401, 403, 404, 422],
  });
  op('post', '/cases/{id}/assigns', {
    summary: 'Assign a case',
    body: assignSchema,
    errors: [401, 403, 404, 422],
  });
  op('post', '/cases/{id}/referrals', {
    summary: 'Refer a case',
    body: referralSchema,
    errors: [401, 403, 404, 422],
  });
  op('patch', '/cases/{id}/referrals/{referral_id}', {
    summary: 'Accept, reject or complete a referral',
    body: referralResponseSchema,
    errors: [401, 403, 404, 422],
  });
  op('delete', '/cases/{id}/referrals/{referral_id}', { summary: 'Revoke a referral' });
  op('post', '/cases/{id}/transfers', {
    summary: 'Transfer a case',
    body: transferSchema,
    errors: [401, 403, 404, 422],
  });
  op('patch', '/cases/{id}/transfers/{transfer_id}', {
    summary: 'Accept or reject a transfer',
    body: transferResponseSchema,
    errors: [401, 403, 404, 422],
  });
  op('get', '/cases/{id}/transfer_requests', { summary: 'Transfer requests of a case' });
  op('post', '/cases/{id}/transfer_requests', {
    summary: 'Ask the owner of a case to transfer it to the caller',
    body: transferRequestSchema,
    errors: [401, 403, 404, 422],
  });
  op('patch', '/cases/{id}/transfer_requests/{transfer_request_id}', {
    summary: 'The owner accepts (a transfer to the requester starts) or rejects a transfer request',
    body: transferRequestResponseSchema,
    errors: [401, 403, 404, 422],
  });
  for (const [path, what] of [
    ['assign-to', 'assign a case to'],
    ['refer-to', 'refer a case to'],
    ['transfer-to', 'transfer a case to'],
  ] as const)
    op('get', `/users/${path}`, {
      summary: `The users the caller may ${what} (record_module_id, agency narrow the list)`,
      query: recipientQuerySchema,
      errors: [400, 401, 403],
    });
  op('get', '/cases/{id}/transitions', { summary: 'Assignments, referrals and transfers of a case' });
  for (const [resource, label] of [
    ['assigns', 'Assignments'],
    ['referrals', 'Referrals'],
    ['transfers', 'Transfers'],
  ] as const)
    op('get', `/cases/{id}/${resource}`, { summary: `${label} of a case` });
  op('post', '/cases/assigns', {
    summary:
      'Assign cases in bulk, by ids or filters/query: up to 100 at once (per-case results; refused cases in ' +
      'errors); 101 to BULK_ASSIGN_JOB_MAX (5000) answer 202 with a background job; more is a 422',
    body: bulkAssignSchema,
    errors: [400, 401, 422],
  });
  op('get', '/cases/assigns/jobs/{job_id}', {
    summary:
      'A background bulk assign (its requester or a country admin): status queued/running/done/failed, ' +
      'counts, and the ids of the cases it could not assign with why',
    errors: [401, 404],
  });
  op('post', '/cases/referrals', {
    summary: 'Refer cases in bulk, by ids (per-case results; refused cases in errors)',
    body: bulkReferralSchema,
    errors: [400, 401, 422],
  });
  op('post', '/cases/transfers', {
    summary: 'Transfer cases in bulk, by ids (per-case results; refused cases in errors)',
    body: bulkTransferSchema,
    errors: [400, 401, 422],
  });
  op('get', '/audit_logs', {
    summary: 'The audit trail of the acting country (admins), newest first',
    query: z.object({
      user_name: z.string().optional(),
      from: z.string().optional().meta({ description: 'Date or date-time' }),
      to: z.string().optional().meta({ description: 'Date or date-time' }),
      'audit_log_actions[]': z.string().optional().meta({ description: 'Actions (repeat, or comma list)' }),
      'record_type[]': z.string().optional().meta({ description: 'Record types (repeat, or comma list)' }),
      record_id: z.string().optional(),
      page: z.int().min(1).optional(),
      per: z.int().min(1).max(1000).optional(),
    }),
    errors: [400, 401, 403],
  });
  op('get', '/reminders/status', {
    summary: 'Reminders job and notifications, per country (admins)',
    errors: [401, 403],
  });
  op('post', '/admin/keys/rotate', {
    summary: 'New data key version for the acting country',
    errors: [401, 403],
  });
  op('get', '/users/me', {
    summary: 'The caller own account: role, permissions, groups, agency, modules, locale',
    errors: [401],
    response: z.object({ data: ownAccountSchema }),
  });
  op('patch', '/users/me', {
    summary: 'Change one own locale or password (the current password required; ends earlier sessions)',
    body: z.object({ data: ownAccountUpdateSchema }),
    errors: [400, 401, 413, 422, 429],
    response: z.object({ data: ownAccountSchema }),
  });
  op('post', '/users/me/totp', { summary: 'Start two-factor enrolment', errors: [401, 409] });
  op('post', '/users/me/totp/verify', {
    summary: 'Finish two-factor enrolment',
    body: totpVerifySchema,
    errors: [401, 409, 422],
  });
}
