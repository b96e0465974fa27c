/**
 * `npm run bench`: measures the quality bars of docs/PRODUCT.md and prints percentiles and ratios.
 * Not a test: it never fails on a number; read the table against the printed bars.
 */
import { benchDatapath, benchServiceTraces } from './datapath';
import { benchServices } from './services';
import { benchPolicy } from './policy';
import { benchCodec } from './codec';

const only = process.argv[2];
const sections: Record<string, () => void> = {
  datapath: benchDatapath,
  'service-traces': benchServiceTraces,
  services: benchServices,
  policy: benchPolicy,
  codec: benchCodec,
};
for (const [name, run] of Object.entries(sections)) {
  if (!only || only === name) run();
}
