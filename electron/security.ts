import type { BrowserWindowConstructorOptions } from 'electron';

/** The UI is served from this origin (a custom protocol, not file://). */
export const APP_ORIGIN = 'app://liaison';

/** Electron's security checklist, from the first line. Pure, so a test can hold it to that. */
export function windowOptions(preload: string, bounds: { width: number; height: number; x?: number; y?: number }): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Liaison',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/** Only the app's own page may call the archive. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === 'app:' && url.host === 'liaison';
  } catch {
    return false;
  }
}

/** Resolves a request for the app protocol to a file under the UI's folder, or null. */
export function uiFileFor(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'app:' || url.host !== 'liaison') return null;
  const path = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  if (path.split('/').some((part) => part === '..' || part === '')) return null;
  return /\.[a-z0-9]+$/i.test(path) ? path : 'index.html';
}
