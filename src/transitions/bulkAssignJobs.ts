import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import { can, type Principal } from '../auth/principal';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import { localized } from '../messages/catalogue';
import type { BulkFailure } from './bulkTransitions';
import type { assignSchema } from './transitions';

/** Up to this many matches a bulk assign runs inline, as the other bulk transitions do. */
export const BULK_ASSIGN_INLINE_MAX = 100;
/** Above the inline maximum, a background job, up to this many cases; more is a 422 naming it. */
export const BULK_ASSIGN_JOB_MAX = 5000;
/** The Storage queue of bulk assign jobs (infra/modules/storage.bicep, src/local/prepareStorage.ts). */
export const BULK_ASSIGN_QUEUE = 'bulk-assigns';
/** Jobs are kept a month for their requester to look at, then Cosmos TTL removes them. */
const RETENTION_SECONDS = 30 * 24 * 60 * 60;

export type BulkAssignInput = z.infer<typeof assignSchema>['data'];

/** A job as stored in the `sync` container, partitioned by country and job id: ids, never field values. */
export interface BulkAssignJob {
  id: string;
  type: 'bulk_assign_job';
  country_code: string;
  record_id: string;
  requested_by: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  case_ids: string[];
  input: BulkAssignInput;
  done_ids: string[];
  errors: BulkFailure[];
  /** Why the whole job failed (the requester can no longer act in the country), never user data. */
  failure?: string;
  created_at: string;
  updated_at: string;
  ttl: number;
}

export interface BulkAssignMessage {
  job_id: string;
  country_code: string;
}

/** The job documents: read within the caller's country only, so another country's job is a 404. */
export class BulkAssignJobs {
  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
  ) {}

  async find(countryCode: string, id: string): Promise<BulkAssignJob | undefined> {
    const { resource } = await this.container.item(id, [countryCode, id]).read<BulkAssignJob>();
    return resource?.type === 'bulk_assign_job' ? resource : undefined;
  }

  async save(job: BulkAssignJob): Promise<void> {
    await this.container.items.upsert({ ...job, updated_at: this.clock.now().toISOString() });
  }

  newJob(principal: Principal, caseIds: string[], input: BulkAssignInput): BulkAssignJob {
    const id = randomUUID();
    const now = this.clock.now().toISOString();
    return {
      id,
      type: 'bulk_assign_job',
      country_code: principal.countryCode,
      record_id: id,
      requested_by: principal.user.user_name,
      status: 'queued',
      case_ids: caseIds,
      input,
      done_ids: [],
      errors: [],
      created_at: now,
      updated_at: now,
      ttl: RETENTION_SECONDS,
    };
  }
}

/** Stores the job, then queues it: a job stored but never queued stays `queued`, visible to its requester. */
export async function startBulkAssignJob(
  deps: { jobs: BulkAssignJobs; queue: () => QueueClient },
  principal: Principal,
  caseIds: string[],
  input: BulkAssignInput,
): Promise<BulkAssignJob> {
  const job = deps.jobs.newJob(principal, caseIds, input);
  await deps.jobs.save(job);
  const message: BulkAssignMessage = { job_id: job.id, country_code: job.country_code };
  await deps.queue().sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'));
  return job;
}

/** The requester, or an administrator of the job's country; anyone else hears that there is no such job. */
export async function readBulkAssignJob(jobs: BulkAssignJobs, principal: Principal, id: string) {
  const job = z.uuid().safeParse(id).success ? await jobs.find(principal.countryCode, id) : undefined;
  const mayRead =
    job && (job.requested_by === principal.user.user_name || can(principal, 'metadata', 'manage'));
  if (!job || !mayRead) throw notFound('No such bulk assign job');
  return job;
}

/**
 * What a job shows: its progress and the ids of the cases it could not assign, with why (no field values),
 * in `locale` (a job stored before messages had keys answers in the English it holds).
 */
export const presentBulkAssignJob = (job: BulkAssignJob, locale: string) => ({
  id: job.id,
  type: 'bulk_assign',
  record_type: 'case',
  status: job.status,
  total: job.case_ids.length,
  done: job.done_ids.length,
  failed: job.errors.length,
  transitioned_to: job.input.transitioned_to,
  transitioned_by: job.requested_by,
  errors: job.errors.map((e) => ({ record_id: e.id, status: e.status, message: localized(e, locale) })),
  ...(job.failure ? { failure: job.failure } : {}),
  created_at: job.created_at,
  updated_at: job.updated_at,
});
