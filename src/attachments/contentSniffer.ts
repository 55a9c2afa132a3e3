/** Bytes of the start of a file that are enough to recognise it (zip-based formats list their parts early). */
export const SNIFF_BYTES = 64 * 1024;

// What file-type calls the formats we accept, when it differs from the declared type.
const equivalent: Record<string, string[]> = {
  'audio/mpeg': ['audio/mpeg'],
  'audio/mp4': ['audio/mp4', 'audio/x-m4a', 'video/mp4', 'audio/aac'],
};

/**
 * Whether the first bytes of a file are what its declared type says: a renamed executable, or a PDF sent as
 * a photo, is refused. Plain text and CSV have no signature: they must look like UTF-8 text.
 */
export async function matchesDeclaredType(head: Buffer, declared: string): Promise<boolean> {
  // Loaded on the first upload, not at every cold start (issue 18).
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(head);
  if (declared === 'text/plain' || declared === 'text/csv')
    return detected === undefined && looksLikeText(head);
  if (!detected) return false;
  return (equivalent[declared] ?? [declared]).includes(detected.mime);
}

function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  // A multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut <= head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter sample
    }
  }
  return false;
}
