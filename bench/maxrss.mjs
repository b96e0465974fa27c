// Loaded with `node --import ./bench/maxrss.mjs …` by the reach race: on exit the process reports
// its own peak resident set and CPU time (process.resourceUsage) on file descriptor 3.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  } catch {
    // no fd 3: run outside the bench
  }
});
