import { join, resolve } from 'node:path';
import { UsageError, parseArgs } from './cli.js';
import { appRoot, defaultDataDir, demoFolder } from './paths.js';
import { ArchiveService } from './service.js';
import { startWebServer } from './transport/http.js';

/** `npm run web -- [--port N] [--data DIR] [--archive FOLDER]...` */
export async function runWeb(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['port', 'data', 'archive', 'static'], []);
  const portArg = args.flags.get('port')?.at(-1);
  if (portArg !== undefined && !/^\d{1,5}$/.test(portArg)) throw new UsageError('--port takes a port number.');
  const dataDir = args.flags.get('data')?.at(-1) ?? defaultDataDir();
  const root = appRoot();
  const archives = args.flags.get('archive') ?? [];
  const opening = ArchiveService.open({ dataDir, demoFolder: demoFolder(root) }).then(async (service) => {
    if (service.archive.notice) console.error(service.archive.notice);
    for (const folder of archives) {
      if (!service.archive.folders.includes(resolve(folder))) await service.archive.setFolders([...service.archive.folders, folder]);
    }
    return service;
  });
  // Serve at once: a large index takes seconds to load, and the page can wait for it.
  const web = await startWebServer(opening, { port: portArg ? Number(portArg) : 0, staticDir: args.flags.get('static')?.at(-1) ?? join(root, 'build', 'renderer'), log: (err) => console.error(err) });
  console.log(`Liaison is serving your archive at ${web.url}`);
  console.log(`Data folder: ${dataDir}. Only this machine can connect, and only with the token above. Ctrl+C stops it.`);
  const service = await opening;
  if (archives.length || (service.archive.folders.length && service.archive.index.size === 0)) void service.reindex({}).catch((err) => console.error(err));
  const stop = (): void => {
    void web.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}
