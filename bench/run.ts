/**
 * `npm run bench`: measures the quality bars of docs/PRODUCT.md and prints percentiles and ratios.
 * Not a test: it never fails on a number; read the table against the printed bars.
 */
import { benchDatapath, benchServiceTraces } from './datapath';
import { benchServices } from './services';
import { benchPolicy } from './policy';
import { benchReach, benchWhatIf } from './reach';
import { benchCodec } from './codec';
import { benchPage } from './page';
import { benchL7 } from './l7';
import { benchL7Trace } from './l7trace';
import { benchBounds } from './bounds';

const only = process.argv[2];
const sections: Record<string, () => void | Promise<void>> = {
  datapath: benchDatapath,
  'service-traces': benchServiceTraces,
  services: benchServices,
  policy: benchPolicy,
  // whole `reach` processes: the race against a pairwise evaluator, XL summary, what-if
  reach: benchReach,
  'what-if': benchWhatIf,
  codec: benchCodec,
  // Worst accepted link, YAML depth and mapping width against their bounds, and refusals past them.
  bounds: benchBounds,
  // Gateway API routing decision: 1,000 HTTPRoutes × 10 rules on one listener (issue 11)
  l7: benchL7,
  // a whole two-leg HTTP trace through a Gateway at L (client leg, L7 decision, upstream leg)
  'l7-trace': benchL7Trace,
  // Builds dist/ into .dist-bench, then bundle sizes, L/XL load in the worker's code path, and
  // frame times in Chromium while a trace animates on M and L.
  page: () => benchPage('.dist-bench'),
};
for (const [name, run] of Object.entries(sections)) {
  if (!only || only === name) await run();
}
