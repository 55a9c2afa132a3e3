import type { Container } from '@azure/cosmos';

/** Delivered and failed notifications per country, counted with atomic increments (many senders at once). */
export class NotificationStats {
  constructor(private readonly container: Container) {}

  async count(countryCode: string, what: 'sent' | 'failed'): Promise<void> {
    const id = 'notifications-status';
    const item = this.container.item(id, [countryCode, id]);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await item.patch([{ op: 'incr', path: `/${what}`, value: 1 }]);
        return;
      } catch (error) {
        if ((error as { code?: number }).code !== 404) throw error;
        try {
          await this.container.items.create({
            id,
            type: 'notifications_status',
            country_code: countryCode,
            sent: what === 'sent' ? 1 : 0,
            failed: what === 'failed' ? 1 : 0,
          });
          return;
        } catch (conflict) {
          if ((conflict as { code?: number }).code !== 409) throw conflict; // created meanwhile: increment it
        }
      }
    }
  }

  async read(countryCode: string): Promise<{ sent: number; failed: number }> {
    const id = 'notifications-status';
    const { resource } = await this.container
      .item(id, [countryCode, id])
      .read<{ sent: number; failed: number; country_code: string }>();
    return resource?.country_code === countryCode
      ? { sent: resource.sent, failed: resource.failed }
      : { sent: 0, failed: 0 };
  }
}
