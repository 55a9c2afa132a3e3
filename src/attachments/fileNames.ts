/**
 * A file name safe to store and to send back in Content-Disposition: no path, no control characters, no
 * characters that mean something to a shell or a header, at most 200 characters (extension kept).
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // Cs: a lone surrogate (half an emoji) is no text: it cannot be percent-encoded for Content-Disposition.
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
    .replace(/["<>:|?*;%]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  if (cleaned === '') return 'attachment';
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  // Cut between characters, never inside a surrogate pair.
  return wellFormed(cleaned.slice(0, 200 - ext.length)) + ext;
}

const wellFormed = (text: string) => text.replace(/\p{Cs}/gu, '');

/** `Content-Disposition: attachment` with an ASCII fallback and the exact name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // Names stored before lone surrogates were cleaned out must still download (encodeURIComponent throws).
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(wellFormed(fileName))}`;
}
