// `npm run test:e2e`: build the UI, then drive it in Debian's Chromium through Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildUi, root } from './build-ui.mjs';

const chromium = process.env.LIAISON_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`End-to-end tests need Chromium at ${chromium}: install it with \`apt-get install chromium\` (or set LIAISON_CHROMIUM).`);
  process.exit(1);
}
buildUi();
const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.e2e.config.ts'], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
