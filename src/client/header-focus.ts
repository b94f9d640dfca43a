/**
 * nhsuk-frontend's header lays its navigation out again a frame after every window resize
 * (and once after it starts, from its ResizeObserver) by re-inserting each link, and moving
 * the focused element in the document drops focus to the body: a keyboard user in the
 * navigation is sent back to the top of the page. On a phone, resizes come with scrolling.
 * This gives focus back to the link that had it, or to the menu button when the link has
 * moved into the closed "More" menu.
 *
 * Call it before nhsuk-frontend's initAll, so that this resize listener runs before the
 * header's and its frame callback, which notes what has focus as the frame starts, runs
 * before the header's re-layout; the mutation observer then runs straight after it.
 */
export function keepHeaderFocus(doc: Document = document): void {
  const header = doc.querySelector(".nhsuk-header");
  const view = doc.defaultView;
  if (!header || !view) return;
  let focused: Element | null = null;
  view.addEventListener("resize", () => view.requestAnimationFrame(() => (focused = doc.activeElement)));
  new MutationObserver(() => {
    const before = focused;
    focused = null;
    const lost = doc.activeElement === doc.body || doc.activeElement === null;
    if (!lost || !(before instanceof HTMLElement) || !header.contains(before)) return;
    const toggle = header.querySelector<HTMLElement>(".nhsuk-header__menu-toggle");
    const target = isShown(before) ? before : toggle;
    if (target && isShown(target)) target.focus({ preventScroll: true });
  }).observe(header, { childList: true, subtree: true });
}

/** Rendered, hence focusable (getClientRects, unlike checkVisibility, is in every browser the site supports). */
function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}
