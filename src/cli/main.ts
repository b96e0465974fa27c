/**
 * Entry point of `npm run --silent cli -- <command>` (bundled into dist-cli/kne.mjs). All logic lives in
 * run.ts so tests call runCli directly; this file only binds it to the process.
 */
import { writeFileSync } from 'node:fs';
import { IMPORT_LIMITS } from '../scenario/yaml/types';
import { readInput } from './read-input';
import { runCli } from './run';

// `reach … | head`: a reader that stops early is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // `-` is standard input; every input is read with the YAML import's byte bound.
  readFile: (path) => readInput(path, IMPORT_LIMITS.maxBytes),
  writeFile: (path, data) => writeFileSync(path, data),
});
