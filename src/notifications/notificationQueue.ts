import type { QueueClient } from '@azure/storage-queue';

/** What a notification says: who, which case (by reference), what is due — never a child's details. */
export interface Notification {
  message_id: string;
  country_code: string;
  user_name: string;
  record_id: string;
  case_id_display: string;
  alert_for: string;
  due_at: string;
}

/** A caseworker's new alerts of one run, in one message (country setting notification_digest). */
export interface DigestNotification {
  message_id: string;
  kind: 'digest';
  country_code: string;
  user_name: string;
  items: { record_id: string; case_id_display: string; alert_for: string; due_at: string }[];
}

/** Tells an account's owner that sign-in to it was locked after failures from many places. */
export interface AccountLockedNotification {
  message_id: string;
  kind: 'account_locked';
  country_code: string;
  user_name: string;
  locked_until: string;
}

/** The `notifications` Storage Queue; messages are base64 JSON, as the Functions host expects. */
export class NotificationQueue {
  constructor(
    private readonly queue: QueueClient,
    /** Enforced here: the SDK's try timeout only asks the server to hurry. */
    private readonly timeoutMs = 10_000,
  ) {}

  async send(notification: Notification | DigestNotification | AccountLockedNotification): Promise<void> {
    await this.queue.sendMessage(Buffer.from(JSON.stringify(notification)).toString('base64'), {
      abortSignal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}
