import { join } from 'node:path';
import { appRoot, defaultDataDir, demoFolder } from '../paths.js';
import { ArchiveService } from '../service.js';
import { startWebServer } from '../transport/http.js';
import { lastValue, parseArgs, UsageError } from './args.js';

/** `npm run web -- [--port N] [--data DIR] [--archive FOLDER]...` */
export async function webCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['port', 'data', 'archive', 'static'], []);
  const portArg = lastValue(args, 'port');
  if (portArg !== undefined && !/^\d{1,5}$/.test(portArg)) throw new UsageError('--port takes a port number.');
  const dataDir = lastValue(args, 'data') ?? defaultDataDir();
  const root = appRoot();
  const opening = ArchiveService.open({ dataDir, folders: args.flags.get('archive') ?? [], demoFolder: demoFolder(root) });
  // Serve at once: a large index takes seconds to load, and the page can wait for it.
  const web = await startWebServer(opening, { port: portArg ? Number(portArg) : 0, staticDir: lastValue(args, 'static') ?? join(root, 'build', 'renderer'), log: (err) => console.error(err) });
  console.log(`Liaison is serving your archive at ${web.url}`);
  console.log(`Data folder: ${dataDir}. Only this machine can connect, and only with the token above. Ctrl+C stops it.`);
  const service = await opening;
  const { notice } = await service.status();
  if (notice) console.error(notice);
  // Up to date at start (only changed files are read), then kept so while it runs.
  service.startWatching()?.catch((err) => console.error(err));
  const stop = (): void => {
    void web.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}
