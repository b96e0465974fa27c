import type { FocusEvent } from 'react';

/**
 * On a phone the header's action bars are single lines that scroll sideways (index.css). The
 * browser scrolls such a bar to a focused button only when the button is wholly hidden: one that
 * is partly visible stays cut at the edge, its label and focus ring with it. This scrolls the bar
 * until a keyboard-focused control is wholly inside (the same job FocusIntoView does on the canvas).
 * Keyboard focus only (:focus-visible): a click focuses its button too, and scrolling the bar under
 * the pointer between press and release would lose the click.
 */
export function revealInBar(e: FocusEvent<HTMLElement>): void {
  const el = e.target;
  if (!(el instanceof HTMLElement) || !el.matches(':focus-visible')) return;
  for (let bar = el.parentElement; bar && bar !== e.currentTarget; bar = bar.parentElement) {
    const overflow = getComputedStyle(bar).overflowX;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    const box = bar.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.left < box.left) bar.scrollLeft -= box.left - r.left;
    else if (r.right > box.right) bar.scrollLeft += r.right - box.right;
    return;
  }
}
