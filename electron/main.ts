import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { ArchiveService, CONTENT_SECURITY_POLICY, demoFolder, dispatch } from '../archive/index.js';
import { APP_ORIGIN, isTrustedSender, uiFileFor, windowOptions } from './security.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const uiRoot = join(here, '..', 'renderer');
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let window: BrowserWindow | null = null;
/** The archive opens while the window is already showing (a large index takes seconds to load). */
let opening: Promise<ArchiveService>;

async function loadBounds(): Promise<{ width: number; height: number; x?: number; y?: number }> {
  try {
    const saved = JSON.parse(await readFile(join(app.getPath('userData'), 'window.json'), 'utf8')) as { width: number; height: number; x?: number; y?: number };
    if (saved.width > 400 && saved.height > 300) return saved;
  } catch {
    // First start: default size.
  }
  return { width: 1360, height: 860 };
}

function send(channel: string, payload: unknown): void {
  window?.webContents.send(channel, payload);
}

/** An IPC handler that answers only the app's own page; any other sender gets `refused`. */
function trusted<A extends unknown[], R>(handler: (...args: A) => R, refused: Awaited<R> | null = null) {
  return (event: IpcMainInvokeEvent, ...args: A): R | Awaited<R> | null => (isTrustedSender(event.senderFrame?.url) ? handler(...args) : refused);
}

/** The file of a release, asked of the engine by id: the shell opens no path it did not get from there. */
async function releaseFile(id: unknown): Promise<string | null> {
  return (await opening).releasePath(id);
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'Add Archive Folder…', accelerator: 'CmdOrCtrl+O', click: () => void pickAndAdd() },
        { label: 'Re-index', accelerator: 'CmdOrCtrl+R', click: () => void opening.then((s) => s.reindex({})).catch(() => undefined) },
        { type: 'separator' },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => window?.webContents.print({ printBackground: false }) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: '&View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: '&Help', submenu: [{ role: 'about' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function pickAndAdd(): Promise<string | null> {
  if (!window) return null;
  const result = await dialog.showOpenDialog(window, { properties: ['openDirectory'], title: 'Add an archive folder' });
  const path = result.canceled ? null : (result.filePaths[0] ?? null);
  if (path) await (await opening).addFolder({ path }).catch((err: Error) => dialog.showErrorBox('Liaison', err.message));
  return path;
}

/** The page as it prints (the print stylesheet: a briefing with its marking and page numbers) to a PDF file. */
async function savePdf(pageSize: 'A4' | 'Letter', suggestedName: string): Promise<string | null> {
  if (!window) return null;
  const target = await dialog.showSaveDialog(window, { title: 'Save as PDF', defaultPath: suggestedName.replace(/[\\/]/g, '-'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (target.canceled || !target.filePath) return null;
  const pdf = await window.webContents.printToPDF({ pageSize, printBackground: true, preferCSSPageSize: false });
  await writeFile(target.filePath, pdf);
  return target.filePath;
}

async function createWindow(): Promise<void> {
  const bounds = await loadBounds();
  window = new BrowserWindow(windowOptions(join(here, 'preload.cjs'), bounds, !app.isPackaged));
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (window) void writeFile(join(app.getPath('userData'), 'window.json'), JSON.stringify(window.getBounds()));
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle('app', async (request) => {
    const file = uiFileFor(request.url, uiRoot);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(file);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  opening = ArchiveService.open({ dataDir: process.env['LIAISON_DATA'] ?? join(app.getPath('userData'), 'archive'), demoFolder: demoFolder(join(here, '..', '..')) }).then((opened) => {
    opened.events.on('event', (event) => send('archive-event', event));
    return opened;
  });

  ipcMain.handle('archive', trusted(async (method: unknown, request: unknown) => dispatch(await opening, method, request), { ok: false, error: { code: 'forbidden', message: 'Not allowed from this page.' } }));
  ipcMain.handle('shell:pickFolder', trusted(() => pickAndAdd()));
  ipcMain.handle(
    'shell:reveal',
    trusted(async (id: unknown) => {
      const file = await releaseFile(id);
      if (file) shell.showItemInFolder(file);
    }),
  );
  ipcMain.handle(
    'shell:open',
    trusted(async (id: unknown) => {
      const file = await releaseFile(id);
      if (file) await shell.openPath(file);
    }),
  );
  ipcMain.handle('shell:print', trusted(() => window?.webContents.print({ printBackground: true })));
  ipcMain.handle('shell:savePdf', trusted((paper: unknown, name: unknown) => savePdf(paper === 'letter' ? 'Letter' : 'A4', typeof name === 'string' ? name : 'briefing.pdf')));

  buildMenu();
  await createWindow();
  (await opening).startWatching()?.catch(() => undefined);
});

app.on('window-all-closed', () => app.quit());
