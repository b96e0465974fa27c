import type { HopKind, DropReason, Probe } from '../core/trace/types';
import type { Designs } from '../core/model/scenario';
import type { PresetId } from '../scenario/presets/registry';

/**
 * Guided lessons as data. A lesson is a short list of steps; each step loads a built-in preset
 * under chosen designs, traces one probe and stops at one hop. What the text says about that hop is
 * written down as a claim, so a test can replay every step on the engine and fail when the
 * simulation and the lesson disagree. The prose lives in `<lesson>/text.ts` (en and ja), loaded on
 * demand by the page.
 */

/** An address named by what it belongs to, resolved against the topology. */
export type AddrRef = string | { pod: string } | { node: string } | { clusterIP: string };

/** A device: its literal name (`cni0`, `flannel.1`, `eth0`) or the host end of a Pod's veth. */
export type DeviceRef = string | { hostVethOf: string };

/** Text that must occur in the hop's rule: literal, or a node's Pod CIDR. */
export type RuleRef = string | { podCidrOf: string } | { clusterIPOf: string };

/** What a step's text says about the hop it stops at (every field given must hold). */
export interface HopClaim {
  netns?: string;
  /** The netns starts with this (generated Pod names such as `kube-system/coredns-…`). */
  netnsStartsWith?: string;
  device?: DeviceRef | null;
  kind?: HopKind;
  table?: string;
  src?: AddrRef;
  dst?: AddrRef;
  /** The VXLAN outer destination while encapsulated; null: not encapsulated at this hop. */
  outerDst?: AddrRef | null;
  /** The source address differs from the previous hop's (a translation happened here). */
  srcChanged?: boolean;
  ruleHas?: RuleRef;
  /** The leg of a two-leg HTTP trace this hop belongs to (`client`, `upstream`). */
  leg?: 'client' | 'upstream';
  /** On an `l7` hop: the entry (`gateway/NS/NAME`), route (`NS/NAME`), rule index and backend (`NS/SVC:PORT`). */
  l7Via?: string;
  l7Route?: string;
  l7Rule?: number;
  l7Backend?: string;
}

/** What the text says about the whole trace. */
export interface TraceClaim {
  verdict?: 'delivered' | 'dropped';
  reason?: DropReason | null;
  deliveredTo?: string | null;
  /** Some hop of the connection (not the DNS query before it) has this kind. */
  connectionHas?: HopKind;
  /** No hop of the connection has this kind. */
  connectionLacks?: HopKind;
  /** Some hop of the proxy's new connection (the `upstream` leg of an HTTP trace) has this kind. */
  upstreamHas?: HopKind;
  /** No hop of the upstream leg has this kind (kube-proxy is not on it: no `dnat`). */
  upstreamLacks?: HopKind;
  /** The X-Forwarded-For the proxy sends upstream (an HTTP trace). */
  forwardedFor?: AddrRef;
}

export type Claim = HopClaim & TraceClaim;

/** Something the canvas lights up: a netns (node or Pod box), or one of its devices. */
export interface Highlight {
  netns: string;
  device?: DeviceRef;
}

export interface Choice {
  id: string;
  /** Holds for the engine's hop exactly when this choice is the right answer (the test checks both ways). */
  claim: Claim;
}

export interface Question {
  choices: Choice[];
  /** The id of the right choice. */
  answer: string;
}

export interface LessonStep {
  id: string;
  /** The built-in preset the step loads (`findPreset`). */
  preset: PresetId;
  designs: Designs;
  probe: Probe;
  /**
   * An HTTP request through a Gateway or Ingress (`trace --from <probe.from> --to <url> --method
   * <method>`): the step replays the two-leg HTTP trace instead of `probe`, which then names the
   * client leg alone (a TCP connection to the proxy's Service).
   */
  request?: { url: string; method?: string };
  /** 0-based index into the trace's hops: where the step stops (the page's hop cursor). */
  hop: number;
  highlights: Highlight[];
  /** What the step's text says about that hop. */
  expect: Claim;
  /** Asked before the hop is played; null when the step only explains. */
  question: Question | null;
}

export interface Lesson {
  id: string;
  title: { en: string; ja: string };
  steps: LessonStep[];
}

/** One language's prose of a lesson. */
export interface LessonProse {
  /** One or two sentences shown above the steps. */
  summary: string;
  steps: Record<
    string,
    {
      title: string;
      /** Paragraphs; `code` spans are written with backticks. */
      body: string[];
      question?: { prompt: string; choices: Record<string, string>; explain: string };
    }
  >;
}

export interface LessonText {
  en: LessonProse;
  ja: LessonProse;
}
