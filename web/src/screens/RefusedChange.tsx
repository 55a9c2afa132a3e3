import { api, type CaseRecord } from '../api';
import { discardMutations, type Mutation } from '../sync';
import type { Vault } from '../vault';

/** A change that only adds or edits notes: shown at the notes (casework), not with the form's edits. */
export const isNoteChange = (m: Mutation) => Object.keys(m.changes).every((key) => key === 'notes_section');

/**
 * Changes the server refused, kept on the device until the caseworker gives them up (a change is never
 * dropped on its own): what was refused, the server's reasons when they are not shown at the fields, and
 * the Discard button. The form's edits and a note both show their refusals this way.
 */
export function RefusedChange(props: {
  vault: Vault;
  online: boolean;
  refused: Mutation[];
  text: string;
  /** The server's reasons, when no field shows them. */
  reasons?: boolean;
  discardLabel: string;
  /** After the changes have left the device, with the record as the server holds it when online. */
  onDiscarded: (fresh?: { record: CaseRecord; etag?: string }) => void | Promise<void>;
}) {
  const discard = async () => {
    const id = props.refused[0]?.id;
    // Online, the server's copy replaces the device's whole; offline, the changes are taken off it.
    const fresh = props.online && id ? await api.caseWithEtag(id).catch(() => undefined) : undefined;
    await discardMutations(props.vault, props.refused, fresh?.record);
    await props.onDiscarded(fresh);
  };
  const reasons = props.reasons ? props.refused.flatMap((m) => m.errors ?? []).map((e) => e.message) : [];
  return (
    <div class="notice-box">
      <p>{props.text}</p>
      {reasons.length > 0 && (
        <p role="alert" class="field-error">
          {[...new Set(reasons)].join(' ')}
        </p>
      )}
      <button type="button" class="secondary" onClick={() => void discard()}>
        {props.discardLabel}
      </button>
    </div>
  );
}
