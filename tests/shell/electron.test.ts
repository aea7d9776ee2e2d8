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
    });
    expect(o.show).toBe(false);
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
  it.each([
    ['app://liaison/index.html', 'index.html'],
    ['app://liaison/', 'index.html'],
    ['app://liaison/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://liaison/?view=folders', 'index.html'],
    // The URL parser resolves dot segments first, so these stay inside the UI folder:
    ['app://liaison/../../etc/passwd', 'index.html'],
    ['app://liaison/assets/%2e%2e/%2e%2e/secret.txt', 'secret.txt'],
    // Encoded slashes survive the parser and are refused after decoding:
    ['app://liaison/assets%2F..%2F..%2Fsecret.txt', null],
    ['app://other/index.html', null],
  ])('%s → %s', (url, file) => {
    expect(uiFileFor(url)).toBe(file);
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
