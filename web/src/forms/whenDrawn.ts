/** How long an element about to be drawn is waited for: a slow phone takes several renders' time. */
export const DRAWN_WAIT_MS = 3_000;

/**
 * Calls `then` with the element `find` returns once the page has drawn it, looking again every 50 ms.
 * An element drawn a render or two later (a section opening, then a subform entry in its own effect) is
 * not there yet when the state that shows it is set, and later still on a slow phone. After `waitMs` it
 * calls `then` with nothing, so the caller can settle for less.
 */
export function whenDrawn(
  find: () => HTMLElement | null,
  then: (element: HTMLElement | null) => void,
  waitMs = DRAWN_WAIT_MS,
): void {
  const started = Date.now();
  const look = () => {
    const element = find();
    if (element || Date.now() - started >= waitMs) then(element);
    else setTimeout(look, 50);
  };
  setTimeout(look, 50);
}

/**
 * Gives `element` the focus unless the person has put it somewhere else since `before` was focused: a
 * place reached late must not pull away someone who has started typing.
 */
export function focusUnlessMoved(element: HTMLElement | null | undefined, before: Element | null): void {
  const now = document.activeElement;
  if (now !== before && now !== document.body && now !== null) return;
  element?.focus({ preventScroll: true });
}
