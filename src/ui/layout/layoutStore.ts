import { create } from 'zustand';

/** The secondary tools that share the tabbed panel beside (wide windows) or under the canvas. */
export const TOOLS = ['linux', 'dns', 'policy', 'editor', 'l7'] as const;
export type ToolId = (typeof TOOLS)[number];

/** Width limits of the tools panel beside the canvas, in CSS pixels. */
export const DOCK_MIN = 320;
/** The canvas keeps at least this width when the panel beside it is widened (a node stays whole). */
export const CANVAS_MIN = 420;
/** The largest panel width that leaves the canvas CANVAS_MIN in a centre column `centre` px wide. */
export const dockMax = (centre: number): number => Math.max(DOCK_MIN, Math.round(centre - CANVAS_MIN - 12)); // 12: the gap the separator sits in

const WIDTH_KEY = 'kne.layout.toolWidth';

function loadWidth(): number | null {
  try {
    const n = Number(localStorage.getItem(WIDTH_KEY));
    return Number.isFinite(n) && n >= DOCK_MIN ? Math.round(n) : null;
  } catch {
    return null; // blocked storage: the default width
  }
}

function saveWidth(px: number): void {
  try {
    localStorage.setItem(WIDTH_KEY, String(px));
  } catch {
    // not kept; the width still applies for this visit
  }
}

interface LayoutState {
  /** The visible tool. */
  tool: ToolId;
  /** Whether the tool's panel is shown (the tab strip always is). */
  open: boolean;
  /** Width of the panel beside the canvas set by the user (null: the default share of the column). */
  width: number | null;
  /** Whether the scenario controls beside the canvas are folded away (more room for the drawing). */
  controlsHidden: boolean;
  showTool(tool: ToolId): void;
  toggleOpen(): void;
  /** Sets the panel width, clamped to [DOCK_MIN, max], and keeps it for the next visit. */
  setWidth(px: number, max: number): void;
  toggleControls(): void;
}

/**
 * Page layout only (which tool is shown, panel width): kept apart from the app store because it
 * is not part of the scenario, the view a link shares, or undo.
 */
export const useLayout = create<LayoutState>((set) => ({
  tool: 'linux',
  // Starts folded: the drawing gets the room; a click on a node or a tab opens the panel.
  open: false,
  width: typeof window === 'undefined' ? null : loadWidth(),
  controlsHidden: false,
  showTool: (tool) => set({ tool, open: true }),
  toggleOpen: () => set((s) => ({ open: !s.open })),
  setWidth: (px, max) => {
    const width = Math.min(Math.max(DOCK_MIN, max), Math.max(DOCK_MIN, Math.round(px)));
    saveWidth(width);
    set({ width });
  },
  toggleControls: () => set((s) => ({ controlsHidden: !s.controlsHidden })),
}));
