// `npm run web`: build the UI when it is missing or older than its sources, then serve it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildUi, root } from './build-ui.mjs';

const built = join(root, 'build/renderer/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(built) || newest(join(root, 'renderer')) > statSync(built).mtimeMs) {
  buildUi();
}
const r = spawnSync(process.execPath, [join(root, 'bin/liaison.mjs'), 'web', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 0);
