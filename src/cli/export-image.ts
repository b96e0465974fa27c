import { createRequire } from 'node:module';
import { engineTopology, engineTrace } from '../core/engine';
import type { Protocol } from '../core/model/k8s';
import type { Probe } from '../core/trace/types';
import { renderSvg } from '../ui/export/svg';
import { type CommandSpec, type ParsedFlags, UsageError } from './args';
import {
  type CliIo,
  EXIT,
  PROTOCOLS,
  SCENARIO_FLAGS,
  build,
  checkDestination,
  checkNetns,
  loadScenario,
} from './scenario';

/** `export-image`: the picture the page exports (SVG from the model; PNG rasterised from that SVG). */
export const EXPORT_IMAGE: CommandSpec = {
  name: 'export-image',
  summary: 'Draw the topology (and a traced packet at one hop) as SVG or PNG, the picture the page exports.',
  usage:
    'export-image --format svg|png [--manifests FILE | --preset ID] [--from … --to … --port N [--protocol …] [--hop N]] [--intra …] [--inter …] [--proxy …] [--out FILE]',
  flags: [
    { name: 'format', value: 'FORMAT', choices: ['svg', 'png'], required: true, help: 'image format' },
    {
      name: 'from',
      value: 'NS/POD|node/NAME|external',
      help: 'trace a packet from here (with --to and --port)',
    },
    { name: 'to', value: 'NS/POD|NS/SVC|IP|DNS-NAME', help: 'the traced packet’s destination' },
    { name: 'port', value: 'N', int: [1, 65535], help: 'destination port of the traced packet' },
    { name: 'protocol', value: 'PROTO', choices: PROTOCOLS, help: 'L4 protocol (default TCP)' },
    {
      name: 'hop',
      value: 'N',
      int: [1, 10000],
      help: 'the hop shown, 1-based as the trace table numbers them (default: the last)',
    },
    ...SCENARIO_FLAGS,
    { name: 'out', value: 'FILE', help: 'write the image here (default: SVG to stdout; PNG needs --out)' },
  ],
  details: `examples:
  export-image --format svg --preset cross-node-overlay --from default/pod-a --to default/pod-b --port 8080 --hop 8 --out overlay.svg
  export-image --format png --from default/client --to default/backend --port 80 --out service.png`,
};

/** The part of @resvg/resvg-js used here (declared, so the rest of the CLI builds without it). */
interface ResvgModule {
  Resvg: new (
    svg: string,
    options: {
      fitTo: { mode: 'zoom'; value: number };
      font: { loadSystemFonts: boolean; defaultFontFamily: string };
    },
  ) => { render(): { asPng(): Uint8Array } };
}

/** resvg, when installed (`npm install` brings it: a prebuilt binary, nothing compiles); else null. */
export function loadResvg(): ResvgModule | null {
  try {
    return createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  } catch {
    return null;
  }
}

/** PNG bytes from SVG text, rasterised at twice its size by resvg with the system's fonts. */
function svgToPng(resvg: ResvgModule, svg: string): Uint8Array {
  const r = new resvg.Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
}

export function runExportImage(flags: ParsedFlags, io: CliIo): number {
  const cmd = 'export-image';
  const format = flags.format as 'svg' | 'png';
  const out = typeof flags.out === 'string' ? flags.out : null;
  if (format === 'png' && !out) throw new UsageError('--format png needs --out FILE', cmd);
  const resvg = format === 'png' ? loadResvg() : null;
  if (format === 'png' && !resvg)
    throw new UsageError(
      '--format png needs the @resvg/resvg-js package: run npm install (or use --format svg)',
      cmd,
    );
  const traced = ['from', 'to', 'port'].filter((f) => Object.hasOwn(flags, f));
  if (traced.length > 0 && traced.length < 3)
    throw new UsageError('--from, --to and --port go together (a traced packet needs all three)', cmd);
  if (traced.length === 0 && (Object.hasOwn(flags, 'hop') || Object.hasOwn(flags, 'protocol')))
    throw new UsageError('--hop and --protocol need a traced packet (--from, --to, --port)', cmd);
  if (!io.writeFile && out) throw new UsageError('cannot write files here', cmd);
  const scenario = loadScenario(flags, io, cmd);
  if (!scenario) return EXIT.invalidInput;
  let probe: Probe | null = null;
  if (traced.length === 3) {
    checkNetns(scenario, flags.from as string, 'from', cmd, true);
    checkDestination(scenario, flags.to as string, cmd);
    probe = {
      from: flags.from as string,
      to: flags.to as string,
      port: flags.port as number,
      protocol: (flags.protocol as Protocol | undefined) ?? 'TCP',
    };
  }
  const engine = build(scenario, io);
  if (!engine) return EXIT.invalidInput;
  const topology = engineTopology(engine);
  const trace = probe ? engineTrace(engine, probe) : null;
  let hop = trace ? trace.hops.length - 1 : 0;
  if (trace && typeof flags.hop === 'number') {
    if (flags.hop > trace.hops.length)
      throw new UsageError(`--hop ${flags.hop}: the trace has ${trace.hops.length} hops`, cmd);
    hop = flags.hop - 1;
  }
  const d = scenario.designs;
  const h = trace?.hops[hop];
  const svg = renderSvg({
    topology,
    trace,
    hop,
    title: probe
      ? `${probe.from} → ${probe.to}:${probe.port}/${probe.protocol}   (intra=${d.intra} inter=${d.inter} proxy=${d.proxy})`
      : `intra=${d.intra} inter=${d.inter} proxy=${d.proxy}`,
    caption: h && trace ? `Hop ${hop + 1} of ${trace.hops.length}: ${h.explain}` : null,
  });
  if (format === 'svg') {
    if (out) io.writeFile!(out, svg);
    else io.stdout(svg);
  } else io.writeFile!(out!, svgToPng(resvg!, svg));
  return EXIT.ok;
}
