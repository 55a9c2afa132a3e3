import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A notification as delivered: the message plus who it goes to and words a person can read. */
export interface Delivery {
  message_id: string;
  to: { user_name: string; email?: string };
  subject: string;
  text: string;
  data: Record<string, string>;
}

export interface NotificationChannel {
  /** Throws on failure: the queue retries, and after 5 tries the message waits in the poison queue. */
  deliver(delivery: Delivery): Promise<void>;
}

/** Local development: one JSON line per delivered message, and never the same message id twice. */
export class OutboxChannel implements NotificationChannel {
  constructor(
    private readonly path: string,
    private readonly now: () => Date,
  ) {}

  async deliver(delivery: Delivery): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const existing = await readFile(this.path, 'utf8').catch(() => '');
    if (existing.split('\n').some((line) => line.includes(`"message_id":"${delivery.message_id}"`))) return;
    await appendFile(
      this.path,
      `${JSON.stringify({ ...delivery, delivered_at: this.now().toISOString() })}\n`,
      { mode: 0o600 },
    );
  }
}

/** A URL that receives each notification; the message id as Idempotency-Key lets it drop repeats. */
export class WebhookChannel implements NotificationChannel {
  constructor(private readonly url: string) {}

  async deliver(delivery: Delivery): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': delivery.message_id },
      body: JSON.stringify(delivery),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  }
}
