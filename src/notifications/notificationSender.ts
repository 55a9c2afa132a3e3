import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { UserRepository } from '../users/userRepository';
import type { NotificationChannel } from './channels';

const notificationSchema = z.object({
  message_id: z.string().regex(/^[0-9a-f]{32}$/),
  country_code: z.string().regex(/^[A-Z]{2}$/),
  user_name: z.string().min(1),
  record_id: z.string().min(1),
  case_id_display: z.string(),
  alert_for: z.string(),
  due_at: z.string(),
});

const subjects: Record<string, string> = {
  followup_due: 'A follow-up is overdue',
  service_due: 'A service is overdue',
  assessment_due: 'An assessment is overdue',
  case_plan_due: 'A case plan is overdue',
};

export interface SenderDeps {
  channel: NotificationChannel;
  users: UserRepository;
  /** Delivery receipts (the `sync` container): a redelivered message is not sent again. */
  receipts: Container;
}

/**
 * Delivers one queued notification. It names the case by its reference and the kind of reminder — never the
 * child. A malformed message or a failing channel throws, so the host retries it and, after 5 tries,
 * parks it in notifications-poison: nothing is dropped silently.
 */
export async function sendNotification(deps: SenderDeps, message: unknown): Promise<'sent' | 'already_sent'> {
  const n = notificationSchema.parse(message);
  const receiptId = `delivery-${n.message_id}`;
  const { resource } = await deps.receipts.item(receiptId, [n.country_code, n.record_id]).read();
  if (resource) return 'already_sent';
  const user = await deps.users.findByUserName(n.user_name);
  await deps.channel.deliver({
    message_id: n.message_id,
    to: { user_name: n.user_name, ...(user?.email ? { email: user.email } : {}) },
    subject: `${subjects[n.alert_for] ?? 'A reminder is due'}: case ${n.case_id_display}`,
    text: `Case ${n.case_id_display} needs your attention (${n.alert_for.replace('_', ' ')} since ${n.due_at}). Sign in to Primero to see it.`,
    data: {
      record_id: n.record_id,
      case_id_display: n.case_id_display,
      alert_for: n.alert_for,
      due_at: n.due_at,
      country_code: n.country_code,
    },
  });
  await deps.receipts.items.upsert({
    id: receiptId,
    type: 'delivery_receipt',
    country_code: n.country_code,
    record_id: n.record_id,
    ttl: 40 * 24 * 60 * 60,
  });
  return 'sent';
}
