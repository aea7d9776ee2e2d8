import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';

/** The UI is served from this origin (a custom protocol, not file://). */
export const APP_ORIGIN = 'app://liaison';

/** Electron's security checklist, from the first line. Pure, so a test can hold it to that. */
export function windowOptions(preload: string, bounds: { width: number; height: number; x?: number; y?: number }, devTools = false): BrowserWindowConstructorOptions {
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
      // A middle click must not open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      // Off in a packaged build; on from sources, for development.
      devTools,
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

/**
 * Resolves a request for the app protocol to the URL of a file inside the UI's folder, or null.
 * The path is decoded once (as the URL parser leaves it), joined to the folder, resolved, and
 * must still lie inside it; backslashes, NUL, and encoded separators or dots that a second
 * decoding would turn into `..` are refused before that. The file URL is built by pathToFileURL,
 * never by pasting strings.
 */
export function uiFileFor(requestUrl: string, uiRoot: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'app:' || url.host !== 'liaison') return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // What is left after one decoding must be a plain relative path: no %, \\, NUL or drive letters.
  if (/[%\\\0]|^\/*[a-z]:/i.test(path)) return null;
  path = path.replace(/^\/+/, '') || 'index.html';
  if (!/\.[a-z0-9]+$/i.test(path)) path = 'index.html';
  const root = resolve(uiRoot);
  const file = resolve(root, ...path.split('/'));
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (relative(root, file).split(sep).includes('..')) return null;
  return pathToFileURL(file).href;
}
