import type { QueueClient, QueueServiceClient } from '@azure/storage-queue';

export interface QueueMessageInfo {
  id: string;
  dequeueCount: number;
  insertionTime?: string;
  expirationTime?: string;
  popReceipt: string;
}

export interface QueueListenerOptions {
  queueName: string;
  service: QueueServiceClient;
  /** Host rule: a message that failed this many dequeues moves to `<queue>-poison`. */
  maxDequeueCount: number;
  /** How long a failed message stays invisible before the next try (host.json visibilityTimeout). */
  visibilityTimeoutSeconds: number;
  maxPollingIntervalMs: number;
  batchSize: number;
  handle(input: unknown, message: QueueMessageInfo): Promise<void>;
  onError(error: unknown, message: QueueMessageInfo): void;
}

/**
 * Polls a Storage queue the way the Functions host does: base64 message text, JSON parsed when it is
 * JSON, delete on success, retry after the visibility timeout on failure, and after `maxDequeueCount`
 * failed dequeues the message moves to the poison queue — never dropped, never handled twice on success.
 */
export class QueueListener {
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private idleMs = 100;
  private readonly queue: QueueClient;
  private readonly poison: QueueClient;
  private current: Promise<void> = Promise.resolve();

  constructor(private readonly options: QueueListenerOptions) {
    this.queue = options.service.getQueueClient(options.queueName);
    this.poison = options.service.getQueueClient(`${options.queueName}-poison`);
  }

  async start(): Promise<void> {
    await this.queue.createIfNotExists();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  /** One polling round; returns how many messages it handled. Public so tests can drive it step by step. */
  async pollOnce(): Promise<number> {
    const { receivedMessageItems } = await this.queue.receiveMessages({
      numberOfMessages: this.options.batchSize,
      visibilityTimeout: 300,
    });
    await Promise.all(receivedMessageItems.map((m) => this.process(m)));
    return receivedMessageItems.length;
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.pollOnce()
        .then((count) => {
          // Back off while idle, as the host does, up to its maximum polling interval.
          this.idleMs = count > 0 ? 100 : Math.min(this.idleMs * 2, this.options.maxPollingIntervalMs);
        })
        .catch(() => {
          this.idleMs = this.options.maxPollingIntervalMs;
        })
        .finally(() => this.schedule(this.idleMs));
    }, delay);
  }

  private async process(message: {
    messageId: string;
    popReceipt: string;
    messageText: string;
    dequeueCount: number;
    insertedOn?: Date;
    expiresOn?: Date;
  }) {
    const info: QueueMessageInfo = {
      id: message.messageId,
      dequeueCount: message.dequeueCount,
      insertionTime: message.insertedOn?.toISOString(),
      expirationTime: message.expiresOn?.toISOString(),
      popReceipt: message.popReceipt,
    };
    try {
      await this.options.handle(decode(message.messageText), info);
      await this.queue.deleteMessage(message.messageId, message.popReceipt);
    } catch (error) {
      this.options.onError(error, info);
      if (message.dequeueCount >= this.options.maxDequeueCount) {
        await this.poison.createIfNotExists();
        await this.poison.sendMessage(message.messageText);
        await this.queue.deleteMessage(message.messageId, message.popReceipt);
      } else {
        await this.queue.updateMessage(
          message.messageId,
          message.popReceipt,
          undefined,
          this.options.visibilityTimeoutSeconds,
        );
      }
    }
  }
}

/** The host's default message encoding is base64; a message that is not base64 is taken as plain text. */
export function decode(text: string): unknown {
  let decoded = text;
  if (/^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0) {
    const candidate = Buffer.from(text, 'base64').toString('utf8');
    if (Buffer.from(candidate, 'utf8').toString('base64') === text) decoded = candidate;
  }
  try {
    return JSON.parse(decoded);
  } catch {
    return decoded;
  }
}
