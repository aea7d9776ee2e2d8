// `npm run build`: the UI with Vite into build/renderer, the Electron main process, preload and
// reading worker with esbuild into build/electron (dependencies stay in node_modules).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: false, logLevel: 'warning', absWorkingDir: root };
await build({ ...common, entryPoints: ['electron/main.ts'], format: 'esm', outfile: 'build/electron/main.mjs', external: ['electron'] });
await build({ ...common, entryPoints: ['archive/ingest/worker.ts'], format: 'esm', outfile: 'build/electron/ingest-worker.js' });
// A sandboxed preload runs as a classic script: one CommonJS file, electron the only import.
await build({ ...common, packages: undefined, entryPoints: ['electron/preload.ts'], format: 'cjs', outfile: 'build/electron/preload.cjs', external: ['electron'] });
console.log('built build/renderer and build/electron');
