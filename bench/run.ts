/**
 * `npm run bench`: measures the quality bars of docs/PRODUCT.md and prints percentiles and ratios.
 * Not a test: it never fails on a number; read the table against the printed bars.
 */
import { benchDatapath } from './datapath';
import { benchServices } from './services';
import { benchPolicy } from './policy';

const only = process.argv[2];
const sections: Record<string, () => void> = {
  datapath: benchDatapath,
  services: benchServices,
  policy: benchPolicy,
};
for (const [name, run] of Object.entries(sections)) {
  if (!only || only === name) run();
}
