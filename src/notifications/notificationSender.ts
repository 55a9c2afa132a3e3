import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { UserRepository } from '../users/userRepository';
import type { NotificationChannel } from './channels';
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
const notificationSchema = z.union([
  z.object({ ...base, kind: z.literal('digest'), items: z.array(item).min(1) }),
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
const line = (i: z.infer<typeof item>, locale: string) =>
  `- case ${i.case_id_display}: ${labels[i.alert_for] ?? 'Reminder due'} since ${readableDate(i.due_date ?? i.due_at.slice(0, 10), locale)}`;

export interface SenderDeps {
  channel: NotificationChannel;
  users: UserRepository;
  /** Delivery receipts (the `sync` container): a redelivered message is not sent again. */
  receipts: Container;
  stats: NotificationStats;
}

/**
 * Delivers one queued notification (one alert, or a caseworker's digest). It names cases by reference and
 * the kind of reminder — never the child. A malformed message or a failing channel throws, so the host
 * retries it and, after 5 tries, parks it in notifications-poison: nothing is dropped silently.
 */
export async function sendNotification(deps: SenderDeps, message: unknown): Promise<'sent' | 'already_sent'> {
  const n = notificationSchema.parse(message);
  const items = 'items' in n ? n.items : [item.parse(n)];
  const receiptId = `delivery-${n.message_id}`;
  const partition = [n.country_code, 'items' in n ? `digest-${n.user_name}` : n.record_id];
  const { resource } = await deps.receipts.item(receiptId, partition).read();
  if (resource) return 'already_sent';
  const user = await deps.users.findByUserName(n.user_name);
  const first = items[0] as z.infer<typeof item>;
  try {
    await deps.channel.deliver({
      message_id: n.message_id,
      to: { user_name: n.user_name, ...(user?.email ? { email: user.email } : {}) },
      subject:
        items.length === 1
          ? `${subjects[first.alert_for] ?? 'A reminder is due'}: case ${first.case_id_display}`
          : `${items.length} cases need your attention`,
      text: `${items.map((i) => line(i, dateLocale(user?.locale, n.country_code))).join('\n')}\nSign in to Primero to see them.`,
      data:
        items.length === 1
          ? { ...first, country_code: n.country_code }
          : { country_code: n.country_code, cases: items.map((i) => i.case_id_display).join(',') },
    });
  } catch (error) {
    await deps.stats.count(n.country_code, 'failed').catch(() => undefined);
    throw error;
  }
  await deps.receipts.items.upsert({
    id: receiptId,
    type: 'delivery_receipt',
    country_code: partition[0],
    record_id: partition[1],
    ttl: 40 * 24 * 60 * 60,
  });
  await deps.stats.count(n.country_code, 'sent').catch(() => undefined);
  return 'sent';
}
