import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { claim, completeClaim, releaseClaim } from '../platform/claims';
import type { User } from '../users/types';
import type { UserRepository } from '../users/userRepository';
import type { Delivery, NotificationChannel } from './channels';
import type { NotificationStats } from './notificationStats';
import { dateLocale, readableDate } from './readableDate';

const item = z.object({
  record_id: z.string().min(1),
  case_id_display: z.string(),
  alert_for: z.string(),
  due_at: z.string(),
  /** The local date it was due (messages queued before this field existed fall back to the instant's). */
  due_date: z.string().optional(),
});
const base = {
  message_id: z.string().regex(/^[0-9a-f]{32}$/),
  country_code: z.string().regex(/^[A-Z]{2}$/),
  user_name: z.string().min(1),
};
const accountLockedSchema = z.object({
  ...base,
  kind: z.literal('account_locked'),
  locked_until: z.string(),
});
const notificationSchema = z.union([
  z.object({ ...base, kind: z.literal('digest'), items: z.array(item).min(1) }),
  accountLockedSchema,
  z.object({ ...base, ...item.shape }),
]);

const subjects: Record<string, string> = {
  followup_due: 'A follow-up is overdue',
  service_due: 'A service is overdue',
  assessment_due: 'An assessment is overdue',
  case_plan_due: 'A case plan is overdue',
  approval: 'An approval is waiting',
};
const labels: Record<string, string> = {
  followup_due: 'Follow-up due',
  service_due: 'Service due',
  assessment_due: 'Assessment due',
  case_plan_due: 'Case plan due',
  approval: 'Approval pending',
};
const dueDateOf = (i: z.infer<typeof item>) => i.due_date ?? i.due_at.slice(0, 10);
const line = (i: z.infer<typeof item>, locale: string) =>
  `- case ${i.case_id_display}: ${labels[i.alert_for] ?? 'Reminder due'} since ${readableDate(dueDateOf(i), locale)}`;

export interface SenderDeps {
  channel: NotificationChannel;
  users: UserRepository;
  /** Delivery receipts (the `sync` container): a redelivered message is not sent again. */
  receipts: Container;
  stats: NotificationStats;
}

/**
 * Delivers one queued notification (one alert, a caseworker's digest, or an account-locked notice). It names cases by reference and
 * the kind of reminder — never the child. A malformed message or a failing channel throws, so the host
 * retries it and, after 5 tries, parks it in notifications-poison: nothing is dropped silently.
 */
export async function sendNotification(deps: SenderDeps, message: unknown): Promise<'sent' | 'already_sent'> {
  const n = notificationSchema.parse(message);
  if ('locked_until' in n) {
    return sendOnce(deps, n, `account-${n.user_name}`, () => ({
      subject: 'Sign-in to your account was locked',
      text:
        `Someone failed to sign in as ${n.user_name} many times, from several places, so sign-in is locked ` +
        `until ${n.locked_until} (except from where you signed in before). If this was not you, tell your ` +
        'administrator: they can unlock the account, and you may want to change your password.',
      data: { country_code: n.country_code, locked_until: n.locked_until },
    }));
  }
  const items = 'items' in n ? n.items : [item.parse(n)];
  const first = items[0] as z.infer<typeof item>;
  // The recipient's locale dates the lines: the content is made once the account is read.
  return sendOnce(deps, n, 'items' in n ? `digest-${n.user_name}` : n.record_id, (user) => ({
    subject:
      items.length === 1
        ? `${subjects[first.alert_for] ?? 'A reminder is due'}: case ${first.case_id_display}`
        : `${items.length} cases need your attention`,
    text: `${items.map((i) => line(i, dateLocale(user?.locale, n.country_code))).join('\n')}\nSign in to Primero to see them.`,
    data: (items.length === 1
      ? { ...first, due_date: dueDateOf(first), country_code: n.country_code }
      : { country_code: n.country_code, cases: items.map((i) => i.case_id_display).join(',') }) as Record<
      string,
      string
    >,
  }));
}

/** Delivers once per message id: a receipt (filed under `receiptRecord`) stops a redelivered message. */
async function sendOnce(
  deps: SenderDeps,
  n: { message_id: string; country_code: string; user_name: string },
  receiptRecord: string,
  content: (user: User | undefined) => Pick<Delivery, 'subject' | 'text' | 'data'>,
): Promise<'sent' | 'already_sent'> {
  const receiptId = `delivery-${n.message_id}`;
  const partition = [n.country_code, receiptRecord];
  const receipt = {
    id: receiptId,
    type: 'delivery_receipt',
    country_code: partition[0] as string,
    record_id: partition[1] as string,
    ttl: 40 * 24 * 60 * 60,
  };
  // Claimed before sending, so that two deliveries of one message (the queue redelivers) send one email.
  const claimed = await claim(deps.receipts, partition, receipt, {
    now: () => new Date(),
    staleMs: 15 * 60 * 1000,
    waitMs: 10_000,
  });
  if (claimed.kind === 'done') return 'already_sent';
  // Still being sent by another run: throwing leaves the message on the queue for a later look.
  if (claimed.kind === 'busy') throw new Error(`Notification ${n.message_id} is being sent by another run`);
  try {
    const user = await deps.users.findByUserName(n.user_name);
    await deps.channel.deliver({
      message_id: n.message_id,
      to: { user_name: n.user_name, ...(user?.email ? { email: user.email } : {}) },
      ...content(user),
    });
  } catch (error) {
    await releaseClaim(deps.receipts, partition, receiptId);
    await deps.stats.count(n.country_code, 'failed').catch(() => undefined);
    throw error;
  }
  await completeClaim(deps.receipts, partition, receipt);
  await deps.stats.count(n.country_code, 'sent').catch(() => undefined);
  return 'sent';
}
