import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { ARCHIVE_METHODS } from '../../archive/api/contract.js';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/fixtures.js';

/** The Electron binary, when this machine has it (it is downloaded on first use, not installed). */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const name = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    return existsSync(join(dir, 'dist', name)) ? join(dir, 'dist', name) : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.warn('Electron end-to-end test skipped: the Electron binary is not on this machine (it cannot be downloaded here). The same UI is tested in Chromium.');

describe.skipIf(!binary)('the desktop app in Electron', () => {
  it('opens its window on the app protocol with the contract bridged and no Node in the page', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [projectRoot], env: { ...process.env, LIAISON_DATA: join(projectRoot, 'test-output', 'electron-data') } });
    const window = await app.firstWindow();
    expect(window.url()).toMatch(/^app:\/\/liaison\//);
    expect((await window.evaluate(() => Object.keys((window as unknown as { liaison: object }).liaison))).sort()).toEqual([...ARCHIVE_METHODS].sort());
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await window.screenshot({ path: join(projectRoot, 'test-output', 'screenshots', 'electron-window.png') });
    await app.close();
  });
});
