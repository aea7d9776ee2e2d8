// `npm run build`: the UI with Vite into build/renderer, the Electron main process, preload and
// reading worker with esbuild into build/electron (dependencies stay in node_modules).
import { build } from 'esbuild';
import { buildUi, root } from './build-ui.mjs';

buildUi();

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: false, logLevel: 'warning', absWorkingDir: root };
await build({ ...common, entryPoints: ['electron/main.ts'], format: 'esm', outfile: 'build/electron/main.mjs', external: ['electron'] });
await build({ ...common, entryPoints: ['archive/ingest/worker.ts'], format: 'esm', outfile: 'build/electron/ingest-worker.js' });
// A sandboxed preload runs as a classic script: one CommonJS file, electron the only import.
await build({ ...common, packages: undefined, entryPoints: ['electron/preload.ts'], format: 'cjs', outfile: 'build/electron/preload.cjs', external: ['electron'] });
console.log('built build/renderer and build/electron');
