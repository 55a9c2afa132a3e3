import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AuditLog } from '../audit/auditLog';
import type { Principal } from '../auth/principal';
import { refusalOf } from '../errors';
import type { BulkAssignJob, BulkAssignJobs } from './bulkAssignJobs';
import { failureOf } from './bulkTransitions';
import { assignCase, transitionsOf, type TransitionDeps } from './transitions';

/** Progress is saved after this many cases: a crash repeats at most this many checks, never an assignment. */
const CHECKPOINT = 50;

const messageSchema = z.object({ job_id: z.uuid(), country_code: z.string().regex(/^[A-Z]{2}$/) });

export interface BulkAssignWorkerDeps {
  transitions: TransitionDeps;
  jobs: BulkAssignJobs;
  audit: AuditLog;
}

/**
 * The id of the job's transition on one case, the same on every run: a case whose transitions already hold
 * it was assigned by an earlier delivery (which may have crashed before saving its progress).
 */
export function jobTransitionId(jobId: string, caseId: string): string {
  const h = createHash('sha256').update(`bulk-assign:${jobId}:${caseId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The requester as they are now (role, scope, still enabled): each case is authorized as if they sent it. */
async function requester(deps: BulkAssignWorkerDeps, job: BulkAssignJob): Promise<Principal | undefined> {
  const user = await deps.transitions.users.findByUserName(job.requested_by);
  if (!user || user.disabled || !user.country_codes.includes(job.country_code)) return undefined;
  const role = await deps.transitions.users.findRole(job.country_code, user.role_unique_id);
  return role
    ? { user, role, countryCode: job.country_code, tokenId: `job:${job.id}`, tokenExpiresAt: 0 }
    : undefined;
}

/**
 * Runs one queued bulk assign job (queue `bulk-assigns`). Safe to run twice and to resume: cases already
 * settled are skipped, a case assigned by a crashed run is recognised by its transition id, and the job's
 * audit entry has a fixed id. A case the requester may not assign is an error entry; the rest go on.
 */
export async function runBulkAssignJob(deps: BulkAssignWorkerDeps, input: unknown): Promise<void> {
  const message = messageSchema.safeParse(input);
  if (!message.success) throw new Error('bulk assign message is not a job reference');
  const job = await deps.jobs.find(message.data.country_code, message.data.job_id);
  if (!job || job.status === 'done' || job.status === 'failed') return;
  const principal = await requester(deps, job);
  if (!principal) {
    await deps.jobs.save({
      ...job,
      status: 'failed',
      failure: 'the requester can no longer act in this country',
    });
    return;
  }
  job.status = 'running';
  await deps.jobs.save(job);
  const settled = new Set([...job.done_ids, ...job.errors.map((e) => e.id)]);
  let sinceCheckpoint = 0;
  for (const caseId of job.case_ids) {
    if (settled.has(caseId)) continue;
    await assignOne(deps, principal, job, caseId);
    settled.add(caseId);
    if (++sinceCheckpoint >= CHECKPOINT) {
      await deps.jobs.save(job);
      sinceCheckpoint = 0;
    }
  }
  await auditJob(deps.audit, job);
  await deps.jobs.save({ ...job, status: 'done' });
}

async function assignOne(
  deps: BulkAssignWorkerDeps,
  principal: Principal,
  job: BulkAssignJob,
  caseId: string,
) {
  const transitionId = jobTransitionId(job.id, caseId);
  const current = await deps.transitions.cases.find(job.country_code, caseId);
  if (current && transitionsOf(current).some((t) => t.id === transitionId)) {
    job.done_ids.push(caseId);
    return;
  }
  try {
    await assignCase(deps.transitions, principal, caseId, job.input, transitionId);
    job.done_ids.push(caseId);
  } catch (error) {
    // A system fault fails this delivery: the queue retries it, and the job resumes from its progress.
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    job.errors.push(failureOf(caseId, refusal));
  }
}

/** One entry for the whole job, naming every case it assigned and refused (ids only); written once. */
async function auditJob(audit: AuditLog, job: BulkAssignJob) {
  const entry = audit.document({
    action: 'bulk_assign_job',
    user_name: job.requested_by,
    country_code: job.country_code,
    record_type: 'case',
    details: {
      job_id: job.id,
      record_ids: job.done_ids.join(','),
      refused_ids: job.errors.map((e) => e.id).join(','),
    },
  });
  try {
    await audit.write({ ...entry, id: `bulk-assign-job-${job.id}` });
  } catch (error) {
    if ((error as { code?: number }).code !== 409) throw error;
  }
}
