import type { QueueServiceClient } from '@azure/storage-queue';
import type { LocalHost } from '../../src/local/LocalHost';

/** Delivers what the reminders job queued to the notifications sender, as the host's queue trigger does. */
export async function deliverQueued(queues: QueueServiceClient, host: LocalHost): Promise<void> {
  const queue = queues.getQueueClient('notifications');
  for (;;) {
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32 });
    if (receivedMessageItems.length === 0) return;
    for (const m of receivedMessageItems) {
      await host.invoke('notifications-sender', JSON.parse(Buffer.from(m.messageText, 'base64').toString()));
      await queue.deleteMessage(m.messageId, m.popReceipt);
    }
  }
}
