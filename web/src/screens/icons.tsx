/** Small line icons for buttons that are short of room on a phone; the button's text still names it. */
const Icon = ({ d, flip }: { d: string; flip?: boolean }) => (
  <svg
    class={flip ? 'icon flip-rtl' : 'icon'}
    viewBox="0 0 24 24"
    width="24"
    height="24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    <path d={d} />
  </svg>
);

/** A question mark in a circle. */
export const HelpIcon = () => (
  <Icon d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01" />
);

/** A door with an arrow leaving it (pointing the other way right to left). */
export const SignOutIcon = () => <Icon flip d="M10 4H5v16h5M15 8l4 4-4 4M19 12H9" />;
