/**
 * Edits typed on a screen and not yet saved (or kept on the device): leaving that screen asks first, whether
 * by the app's own buttons, the browser's back button or a reload. One screen edits at a time.
 */
let question: string | undefined;
let onLeft: (() => void) | undefined;

/**
 * The question to ask before leaving, while the screen holds unsaved edits; undefined once it holds none.
 * `left` runs when the user answers that they leave without them (the screen drops its draft of them).
 */
export function holdUnsaved(ask: string | undefined, left?: () => void): void {
  question = ask;
  onLeft = ask === undefined ? undefined : left;
}

/** Whether the user may leave the screen now: nothing unsaved, or they said so. */
export function mayLeave(): boolean {
  if (question === undefined) return true;
  if (!confirm(question)) return false;
  const left = onLeft;
  question = undefined;
  onLeft = undefined;
  left?.();
  return true;
}

/** The browser asks on a reload or a closed tab (its own words: pages may no longer set them). */
export function onUnload(event: BeforeUnloadEvent): void {
  if (question === undefined) return;
  event.preventDefault();
  event.returnValue = '';
}
