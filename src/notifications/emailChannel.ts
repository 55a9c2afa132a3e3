import type { TokenCredential } from '@azure/identity';
import type { EmailClient } from '@azure/communication-email';
import { loadWhenUsed } from '../platform/loadWhenUsed';
import type { Delivery, NotificationChannel } from './channels';

/** The message id (32 hex) as a GUID: ACS's Operation-Id, so that a repeated send is the same operation. */
export const operationIdOf = (messageId: string) =>
  messageId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

export interface EmailChannelOptions {
  sender: string;
  /** How often to ask ACS whether the mail left (ms). */
  pollIntervalMs?: number;
}

/**
 * E-mail through Azure Communication Services. Each delivery is one ACS send operation whose id comes from
 * the message id: a retry after a lost answer does not mail twice. No engagement tracking. A user without
 * an address, or a send ACS reports as failed, throws: the queue retries and then parks the message in the
 * poison queue, where the operations view counts it.
 */
export class EmailChannel implements NotificationChannel {
  constructor(
    private readonly client: EmailClient,
    private readonly options: EmailChannelOptions,
  ) {}

  /** With the app's managed identity in Azure; with a connection string (access key) only against a fake. */
  static create(
    settings: {
      endpoint?: string;
      connectionString?: string;
      ca?: string;
      credential: () => TokenCredential;
    },
    options: EmailChannelOptions,
  ): EmailChannel {
    const { EmailClient } = loadWhenUsed<typeof import('@azure/communication-email')>(
      '@azure/communication-email',
    );
    const clientOptions = settings.ca ? { tlsOptions: { ca: settings.ca } } : {};
    const client = settings.connectionString
      ? new EmailClient(settings.connectionString, clientOptions)
      : new EmailClient(settings.endpoint as string, settings.credential(), clientOptions);
    return new EmailChannel(client, options);
  }

  async deliver(delivery: Delivery): Promise<void> {
    if (!delivery.to.email) throw new Error(`user ${delivery.to.user_name} has no e-mail address`);
    const poller = await this.client.beginSend(
      {
        senderAddress: this.options.sender,
        recipients: { to: [{ address: delivery.to.email }] },
        content: { subject: delivery.subject, plainText: delivery.text },
        disableUserEngagementTracking: true,
      },
      {
        operationId: operationIdOf(delivery.message_id),
        updateIntervalInMs: this.options.pollIntervalMs ?? 2000,
      },
    );
    const result = await poller.pollUntilDone();
    if (result.status !== 'Succeeded')
      throw new Error(`e-mail ${result.status}${result.error?.code ? `: ${result.error.code}` : ''}`);
  }
}
