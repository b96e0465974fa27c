#!/usr/bin/env node
// `npm run --silent cli -- <command> …`: runs the built CLI (dist-cli/kne.mjs), rebuilding it
// first when any source is newer (about half a second, noted on stderr). See docs/decisions.md.
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, buildCli, cliBundleFresh } from './build-cli.mjs';

if (!cliBundleFresh()) {
  process.stderr.write('(building dist-cli/kne.mjs: the sources changed)\n');
  await buildCli();
}
await import(pathToFileURL(CLI_BUNDLE).href);
