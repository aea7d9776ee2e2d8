import { createArchiveClient, type ArchiveApi, type ArchiveEvent, type ArchiveMethod } from '../../archive/api/index.js';
import type { ArchiveBridge, ShellBridge } from '../../archive/api/bridge.js';
import type { ApiResult } from '../../archive/api/errors.js';

declare global {
  interface Window {
    liaison?: ArchiveBridge;
    liaisonShell?: ShellBridge;
  }
}

export interface Connection {
  api: ArchiveApi;
  subscribe(listener: (event: ArchiveEvent) => void): () => void;
  shell: ShellBridge | null;
  desktop: boolean;
}

/** The web token arrives in the address once; it is kept for this tab and taken out of the URL. */
function webToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('liaison-token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem('liaison-token') ?? '';
}

/** Chooses the transport once, at start: the desktop bridge when present, HTTP otherwise. */
export function connect(): Connection {
  const bridge = window.liaison;
  const shell = window.liaisonShell ?? null;
  if (bridge && shell) {
    const call = (method: ArchiveMethod, req: unknown): Promise<ApiResult<unknown>> => (bridge[method] as (r: unknown) => Promise<ApiResult<unknown>>)(req);
    return { api: createArchiveClient(call), subscribe: (l) => shell.onEvent(l), shell, desktop: true };
  }
  const token = webToken();
  const call = async (method: ArchiveMethod, req: unknown): Promise<ApiResult<unknown>> => {
    try {
      const res = await fetch(`./api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Liaison-Token': token }, body: JSON.stringify(req ?? {}) });
      const body = (await res.json()) as ApiResult<unknown>;
      return body;
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: `Liaison's server cannot be reached (${(err as Error).message}). Is \`npm run web\` still running?` } };
    }
  };
  const subscribe = (listener: (event: ArchiveEvent) => void): (() => void) => {
    const source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m) => listener(JSON.parse(m.data as string) as ArchiveEvent);
    return () => source.close();
  };
  return { api: createArchiveClient(call), subscribe, shell: null, desktop: false };
}
