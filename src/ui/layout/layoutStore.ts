import { create } from 'zustand';

/** The secondary tools that share the tabbed panel under the canvas. */
export const TOOLS = ['linux', 'dns', 'policy', 'editor', 'l7'] as const;
export type ToolId = (typeof TOOLS)[number];

/** Height limits of the tools panel, in CSS pixels. */
export const DOCK_MIN = 140;
export const dockMax = (): number => Math.max(DOCK_MIN, Math.round(window.innerHeight * 0.7));

interface LayoutState {
  /** The visible tool. */
  tool: ToolId;
  /** Whether the tool's panel is shown (the tab strip always is). */
  open: boolean;
  /** Height of the panel set by the user (null: the default, a share of the window). */
  height: number | null;
  /** Whether the scenario controls above the canvas are folded away (more room for the drawing). */
  controlsHidden: boolean;
  showTool(tool: ToolId): void;
  toggleOpen(): void;
  setHeight(px: number): void;
  toggleControls(): void;
}

/**
 * Page layout only (which tool is shown, panel height): kept apart from the app store because it
 * is not part of the scenario, the view a link shares, or undo.
 */
export const useLayout = create<LayoutState>((set) => ({
  tool: 'linux',
  // Starts folded: the drawing gets the room; a click on a node or a tab opens the panel.
  open: false,
  height: null,
  controlsHidden: false,
  showTool: (tool) => set({ tool, open: true }),
  toggleOpen: () => set((s) => ({ open: !s.open })),
  setHeight: (px) => set({ height: Math.min(dockMax(), Math.max(DOCK_MIN, Math.round(px))) }),
  toggleControls: () => set((s) => ({ controlsHidden: !s.controlsHidden })),
}));
