#!/usr/bin/env node
// The command line: the engine compiled to build/engine (rebuilt here when a source is newer),
// or, where the compiler is not installed, the TypeScript sources through tsx's loader.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildEngine, engineDir, engineStale } from '../scripts/build-engine.mjs';

let main;
try {
  if (engineStale()) await buildEngine();
  ({ main } = await import(pathToFileURL(join(engineDir, 'cli.js')).href));
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../archive/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
