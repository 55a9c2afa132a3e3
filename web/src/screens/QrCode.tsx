import { encode } from 'uqr';

/**
 * A QR code drawn as SVG in the browser: the otpauth:// URI holds the secret, so it never goes to a
 * QR service, and an SVG needs neither inline script nor a data: URL the CSP would have to allow.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, data } = encode(text, { ecc: 'M', border: 4 });
  // One path of 1×1 squares: a few kilobytes of markup where a rect per module would be tens.
  const d = data.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : ''))).join('');
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width="240"
      height="240"
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
