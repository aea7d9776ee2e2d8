import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ARCHIVE_METHODS } from '../../archive/api/contract.js';
import { isTrustedSender, uiFileFor, windowOptions } from '../../electron/security.js';

const exposed = new Map<string, Record<string, unknown>>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' }));
const on = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), on: (...args: unknown[]) => on(...args), removeListener: vi.fn() },
}));

describe('the window', () => {
  it('follows Electron\'s security checklist', () => {
    const o = windowOptions('/app/preload.cjs', { width: 1200, height: 800 });
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(o.show).toBe(false);
    // DevTools only when run from sources (main.ts passes !app.isPackaged).
    expect(windowOptions('/p', { width: 1, height: 1 }, true).webPreferences?.devTools).toBe(true);
  });
});

describe('the IPC sender check', () => {
  it.each([
    ['app://liaison/index.html', true],
    ['app://liaison/?q=Japan', true],
    ['app://evil/index.html', false],
    ['file:///home/me/page.html', false],
    ['https://liaison/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['', false],
    [undefined, false],
    ['not a url', false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedSender(url)).toBe(trusted);
  });
});

describe('the app protocol', () => {
  const root = resolve('/srv/liaison-ui');
  const inside = (file: string): string => pathToFileURL(join(root, file)).href;
  it.each([
    ['app://liaison/index.html', inside('index.html')],
    ['app://liaison/', inside('index.html')],
    ['app://liaison/assets/index-abc.js', inside('assets/index-abc.js')],
    ['app://liaison/?view=folders', inside('index.html')],
    // The URL parser resolves dot segments first, so these stay inside the UI folder:
    ['app://liaison/../../etc/passwd', inside('index.html')],
    ['app://liaison/assets/%2e%2e/%2e%2e/secret.txt', inside('secret.txt')],
    // Encoded slashes survive the parser; decoded, they would lead out: refused.
    ['app://liaison/assets%2F..%2F..%2Fsecret.txt', null],
    ['app://liaison/%2e%2e%2f%2e%2e%2fetc%2fpasswd.txt', null],
    // Double-encoded: a second decoding would make dots and slashes of them.
    ['app://liaison/%252e%252e/%252e%252e/secret.txt', null],
    ['app://liaison/assets/%252e%252e%252fsecret.txt', null],
    // Backslashes, raw or encoded, are separators on Windows.
    ['app://liaison/..%5c..%5csecret.txt', null],
    ['app://liaison/assets%5C..%5C..%5Csecret.txt', null],
    // A NUL, a drive letter, broken escapes.
    ['app://liaison/index.html%00.js', null],
    ['app://liaison/C:/Windows/win.ini', null],
    ['app://liaison/%E0%A4%A.js', null],
    ['app://other/index.html', null],
    ['file:///etc/passwd', null],
  ])('%s → %s', (url, file) => {
    expect(uiFileFor(url, root)).toBe(file);
  });
});

describe('the preload bridge', () => {
  beforeEach(() => {
    exposed.clear();
    invoke.mockClear();
  });

  it('exposes exactly the contract\'s methods, each one an IPC call', async () => {
    vi.resetModules();
    await import('../../electron/preload.js');
    const bridge = exposed.get('liaison')!;
    expect(Object.keys(bridge).sort()).toEqual([...ARCHIVE_METHODS].sort());
    const result = await (bridge['search'] as (r: unknown) => Promise<unknown>)({ query: 'Japon' });
    expect(invoke).toHaveBeenCalledWith('archive', 'search', { query: 'Japon' });
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(Object.keys(exposed.get('liaisonShell')!).sort()).toEqual(['onEvent', 'openRelease', 'pickFolder', 'platform', 'print', 'revealRelease', 'savePdf']);
    expect(exposed.has('require')).toBe(false);
    expect([...exposed.keys()]).toEqual(['liaison', 'liaisonShell']);
  });
});
