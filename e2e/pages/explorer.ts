import { expect, type Locator, type Page } from '@playwright/test';
import type { Probe, Trace } from '../../src/core/trace/types';

/** Page object for the explorer: selectors by role and data-testid in one place. */
export class Explorer {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  async open(): Promise<void> {
    await this.page.goto('./');
    // The first scenario loads in the worker and opens on a traced cross-node flow.
    await expect(this.hops.first()).toBeVisible({ timeout: 15_000 });
  }

  get hops(): Locator {
    return this.page.getByTestId('hop');
  }
  device(name: string): Locator {
    return this.page.locator(`[data-testid="device"][data-device-name="${name}"]`);
  }
  devicesOfKind(kind: string): Locator {
    return this.page.locator(`[data-testid="device"][data-device-kind="${kind}"]`);
  }
  pod(key: string): Locator {
    return this.page.locator(`[data-testid="pod"][data-pod="${key}"]`);
  }
  nodeHeader(name: string): Locator {
    return this.page.locator(
      `[data-testid="k8s-node"][data-node="${name}"] button[data-anchor="node/${name}"]`,
    );
  }

  /** Picks a design radio (the input is visually hidden inside its label). */
  async design(group: 'intra' | 'inter', value: string): Promise<void> {
    const before = await this.page.getByTestId('resembles').textContent();
    await this.page.locator(`label:has([data-testid="design-${group}-${value}"])`).click();
    await expect(this.page.getByTestId(`design-${group}-${value}`)).toBeChecked();
    await expect(this.page.getByTestId('resembles')).not.toHaveText(before ?? '');
    await expect(this.page.getByTestId('designs')).toHaveAttribute('data-busy', 'false');
  }

  async hopKinds(): Promise<string[]> {
    return this.hops.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  }

  async hopPlaces(): Promise<string[]> {
    return this.hops.evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-netns')}|${e.getAttribute('data-device')}`),
    );
  }

  /** Asks the worker directly for the trace of the probe the page shows. */
  async workerTrace(): Promise<Trace> {
    return this.page.evaluate(async () => {
      type Handle = {
        store: { getState(): { probe: Probe } };
        sim: { trace(p: Probe): Promise<Trace | null> };
      };
      const k = (window as unknown as { __kne: Handle }).__kne;
      const t = await k.sim.trace({ ...k.store.getState().probe });
      if (!t) throw new Error('trace superseded');
      return t;
    });
  }

  /** Loads a preset from the picker and waits until it is loaded (L/XL build in the worker: seconds). */
  async loadPreset(id: string, timeout = 60_000): Promise<void> {
    const toggle = this.page.getByTestId('preset-toggle');
    await toggle.click();
    await this.page.getByTestId(`preset-${id}`).click();
    await expect(toggle).toHaveAttribute('data-preset', id, { timeout });
    await expect(toggle).toBeEnabled({ timeout });
  }

  /**
   * Keyboard focus on a control, once it can take it: a disabled button (Trace while a design
   * change re-runs the shown flow) ignores focus(), and Enter pressed then does nothing.
   */
  async focusWhenEnabled(target: Locator): Promise<void> {
    await expect(target).toBeEnabled();
    await target.focus();
    await expect(target).toBeFocused();
  }

  /**
   * Clicks a control drawn on the canvas as a person would: when any part of it lies outside the
   * visible canvas, first press the fit-view button and wait until it is inside. Left to itself,
   * Playwright scrolls React Flow's overflow-hidden wrapper to reach the control; React Flow scrolls
   * the wrapper straight back, sometimes between the press and the release, and the click then lands
   * on the pane instead (the probe does not change).
   */
  async clickOnCanvas(target: Locator): Promise<void> {
    const canvas = this.page.locator('.react-flow');
    const inside = async () => {
      const [c, b] = await Promise.all([canvas.boundingBox(), target.boundingBox()]);
      return (
        c !== null &&
        b !== null &&
        b.x >= c.x &&
        b.y >= c.y &&
        b.x + b.width <= c.x + c.width &&
        b.y + b.height <= c.y + c.height
      );
    };
    if (!(await inside())) {
      await this.page.locator('.react-flow__controls-fitview').click();
      await expect.poll(inside).toBe(true);
    }
    await target.click();
  }

  /** Shows one tool of the tabbed panel under the canvas (only one is visible at a time). */
  async tool(id: 'linux' | 'dns' | 'policy' | 'editor'): Promise<void> {
    await this.page.getByTestId(`tool-tab-${id}`).click();
    const panel = this.page.getByTestId(`tool-panel-${id}`);
    await expect(panel).toBeVisible();
    // Policy and the editor fetch their code on first opening (LazyTool): wait until it is drawn.
    await expect(panel.getByTestId('tool-loading')).toHaveCount(0);
  }

  async pause(): Promise<void> {
    const toggle = this.page.getByTestId('play-toggle');
    // A trace that arrives after the click starts playback again: click until it stays paused.
    await expect(async () => {
      if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 500 });
    }).toPass({ timeout: 10_000 });
  }
}
