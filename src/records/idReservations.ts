import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import { claim, completeClaim, releaseClaim, type ClaimResult } from '../platform/claims';

const statusOf = (error: unknown) => (error as { code?: number }).code;

/** Who holds an id. Never shown to a client: a refusal must not tell which country holds the id. */
export interface Reservation {
  id: string;
  type: 'id_reservation';
  country_code: typeof DEPLOYMENT_WIDE;
  owner_country: string;
  record_type?: string;
  record_id?: string;
  created_at: string;
  state?: 'pending' | 'done';
  claimed_at?: string;
}

/** A pending attachment reservation older than this was left by a crashed upload: it may be retaken. */
const STALE_UPLOAD_MS = 15 * 60 * 1000;
/**
 * How long an upload waits for another try under its id to finish: a phone retries the moment its
 * connection comes back, while the broken try is still removing what it wrote.
 */
const BUSY_WAIT_MS = 3_000;

/**
 * Client-supplied ids, reserved deployment-wide. Records are partitioned by country, so Cosmos alone would
 * let two countries hold one id — and a regional user would see two children under it. A reservation is
 * created-if-absent in the deployment-wide partition of the records container before the record or
 * attachment is written; the loser of a race sees the winner's reservation.
 */
export class IdReservations {
  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
  ) {}

  // In lower case: a UUID in capitals is the same UUID, and must not reserve a second time (a twin record).
  private static key(kind: 'record' | 'attachment', id: string) {
    const docId = `${kind}-id-${id.toLowerCase()}`;
    return { docId, partition: [DEPLOYMENT_WIDE, docId] };
  }

  /**
   * The country holding a record id, whether this call reserved it, and whether the id was reserved as
   * written here (not in other capitals).
   */
  async reserveRecordId(
    id: string,
    countryCode: string,
  ): Promise<{ owner: string; fresh: boolean; sameSpelling: boolean }> {
    const { docId, partition } = IdReservations.key('record', id);
    const doc: Reservation = {
      id: docId,
      type: 'id_reservation',
      country_code: DEPLOYMENT_WIDE,
      owner_country: countryCode,
      record_id: id,
      created_at: this.clock.now().toISOString(),
    };
    try {
      await this.container.items.create(doc);
      return { owner: countryCode, fresh: true, sameSpelling: true };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const { resource } = await this.container.item(docId, partition).read<Reservation>();
    // Released between our create and our read: the caller's record create settles it. Reservations made
    // before they kept the id hold it as written.
    return {
      owner: resource?.owner_country ?? countryCode,
      fresh: false,
      sameSpelling: resource?.record_id === undefined || resource.record_id === id,
    };
  }

  releaseRecordId(id: string): Promise<void> {
    const { docId, partition } = IdReservations.key('record', id);
    return releaseClaim(this.container, partition, docId);
  }

  /** Claims an attachment id for one upload: `busy` while another upload holds it, `done` once used. */
  claimAttachmentId(
    id: string,
    owner: { country_code: string; record_type: string; record_id: string },
  ): Promise<ClaimResult<Reservation>> {
    const { partition } = IdReservations.key('attachment', id);
    return claim(this.container, partition, this.attachmentDoc(id, owner), {
      now: () => this.clock.now(),
      staleMs: STALE_UPLOAD_MS,
      waitMs: BUSY_WAIT_MS,
    });
  }

  completeAttachmentId(id: string, owner: { country_code: string; record_type: string; record_id: string }) {
    const { partition } = IdReservations.key('attachment', id);
    return completeClaim(this.container, partition, this.attachmentDoc(id, owner));
  }

  releaseAttachmentId(id: string): Promise<void> {
    const { docId, partition } = IdReservations.key('attachment', id);
    return releaseClaim(this.container, partition, docId);
  }

  private attachmentDoc(
    id: string,
    owner: { country_code: string; record_type: string; record_id: string },
  ): Reservation {
    return {
      id: IdReservations.key('attachment', id).docId,
      type: 'id_reservation',
      country_code: DEPLOYMENT_WIDE,
      owner_country: owner.country_code,
      record_type: owner.record_type,
      record_id: owner.record_id,
      created_at: this.clock.now().toISOString(),
    };
  }
}
