import type { Page } from '@playwright/test';

/**
 * What a keyboard user sees of the focused element: '' when all is well, else what is wrong. Focus
 * must be on a control (not lost to the page body); the control must show a focus ring (an outline
 * or a box shadow); the control and its ring must lie wholly inside the window and inside every
 * ancestor that clips its overflow (the canvas, a scrolling pane or bar); and nothing may cover it.
 * A visually hidden input (the design radios) is judged by the label that shows it.
 */
export function focusProblem(page: Page): Promise<string> {
  return page.evaluate(() => {
    const name = (e: Element) => {
      const id = e.getAttribute('data-testid') ?? e.id;
      const label = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40);
      return `<${e.tagName.toLowerCase()}${id ? ` ${id}` : ''}> "${label}"`;
    };
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement)
      return 'focus is lost (on the page body)';
    const control =
      'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';
    if (!(el instanceof HTMLElement) || !el.matches(control)) return `focus is on ${name(el)}, not a control`;
    const own = el.getBoundingClientRect();
    const box = (own.width < 4 || own.height < 4 ? el.closest('label') : null) ?? el;
    const what = name(box);
    const cs = getComputedStyle(box);
    const outline =
      cs.outlineStyle !== 'none' &&
      parseFloat(cs.outlineWidth) > 0 &&
      !/transparent|, 0\)$/.test(cs.outlineColor);
    if (!outline && cs.boxShadow === 'none') return `${what} shows no focus ring`;
    const r = box.getBoundingClientRect();
    const ring = outline ? Math.max(0, parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset)) : 0;
    const clips = [{ by: 'the window', l: 0, t: 0, r: innerWidth, b: innerHeight }];
    for (let a = box.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      const l = c.left + a.clientLeft;
      const t = c.top + a.clientTop;
      clips.push({ by: name(a), l, t, r: l + a.clientWidth, b: t + a.clientHeight });
    }
    const at = (x: { l: number; t: number; r: number; b: number }) =>
      `[${Math.round(x.l)},${Math.round(x.t)} … ${Math.round(x.r)},${Math.round(x.b)}]`;
    const edges = { l: r.left - ring, t: r.top - ring, r: r.right + ring, b: r.bottom + ring };
    // A pixel of slack: layout positions are fractional.
    for (const c of clips)
      if (edges.l < c.l - 1 || edges.t < c.t - 1 || edges.r > c.r + 1 || edges.b > c.b + 1)
        return `${what} with its focus ring at ${at(edges)} is cut off by ${c.by} at ${at(c)}`;
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    if (!hit || !box.contains(hit)) return `${what} is covered by ${hit ? name(hit) : 'nothing'}`;
    return '';
  });
}
