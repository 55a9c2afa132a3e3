import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';
import { DEPLOYMENT_WIDE } from '../platform/containers';

/** Signed-out tokens, remembered until they would have expired anyway. */
export class Revocations {
  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
  ) {}

  async revoke(jti: string, expiresAtSeconds: number): Promise<void> {
    const id = `revoked-${jti}`;
    const ttl = Math.max(60, expiresAtSeconds - Math.floor(this.clock.now().getTime() / 1000) + 60);
    await this.container.items.upsert({ id, type: 'revoked_token', country_code: DEPLOYMENT_WIDE, ttl });
  }

  async isRevoked(jti: string): Promise<boolean> {
    const id = `revoked-${jti}`;
    const { resource } = await this.container.item(id, [DEPLOYMENT_WIDE, id]).read();
    return resource !== undefined;
  }
}
