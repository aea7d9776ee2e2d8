// The engine compiled for Node: the command line and its reading worker as two ES modules in
// build/engine (dependencies stay in node_modules, loaded by Node as they are). Running the
// TypeScript sources through a loader instead costs seconds at each start and hundreds of
// megabytes (the loader transforms large dependencies such as pdf.js as well).
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const engineDir = join(root, 'build', 'engine');
const outputs = ['cli.js', 'ingest-worker.js'];

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|mts|json)$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** Whether the built engine is missing or older than any source of the engine. */
export function engineStale() {
  const built = outputs.map((o) => join(engineDir, o));
  if (!built.every((p) => existsSync(p))) return true;
  const oldest = Math.min(...built.map((p) => statSync(p).mtimeMs));
  return newest(join(root, 'archive')) > oldest;
}

/**
 * Builds build/engine: each command is its own chunk, loaded when it runs, with the dependencies
 * it imports (a search does not load the parsers). Built into a folder beside, then swapped in.
 */
export async function buildEngine() {
  const { build } = await import('esbuild');
  const tag = `${process.pid}-${Date.now()}`;
  const fresh = `${engineDir}-${tag}`;
  await build({
    entryPoints: { cli: 'archive/cli/main.ts', 'ingest-worker': 'archive/ingest/worker.ts' },
    outdir: fresh,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const old = `${engineDir}-old-${tag}`;
  if (existsSync(engineDir)) renameSync(engineDir, old);
  renameSync(fresh, engineDir);
  rmSync(old, { recursive: true, force: true });
}
