import { join } from 'node:path';
import { appRoot } from '../paths.js';
import { startWebServer } from '../transport/http.js';
import { lastValue, parseArgs, UsageError, wholeNumber } from './args.js';

/**
 * `liaison serve --db postgres://... [--db-read postgres://...] [--port N] [--bind ADDR]`: the team
 * archive over HTTP for many users, each with a personal token. It binds to 127.0.0.1 unless told
 * otherwise: put it behind a reverse proxy that ends TLS (see the README).
 */
export async function serveCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['db', 'db-read', 'port', 'bind'], []);
  const url = lastValue(args, 'db') ?? process.env['LIAISON_DB'];
  if (!url) throw new UsageError('serve needs --db postgres://... (the team archive).');
  const { TeamService, REGISTRAR_METHODS } = await import('../team/service.js');
  const { roleOf } = await import('../team/tokens.js');
  const team = await TeamService.connect(url, { readUrl: lastValue(args, 'db-read') });
  const bind = lastValue(args, 'bind') ?? '127.0.0.1';
  const web = await startWebServer(team, {
    port: wholeNumber(args, 'port') ?? 7311,
    bind,
    staticDir: join(appRoot(), 'build', 'renderer'),
    authorize: async (token, method) => {
      const role = await roleOf(team.db, token);
      if (!role) return 'unauthenticated';
      if (REGISTRAR_METHODS.has(method) && role !== 'registrar') return 'forbidden';
      return 'ok';
    },
  });
  process.stdout.write(`Liaison team archive on http://${bind}:${web.port}/ — each user opens http://${bind}:${web.port}/?token=<their token> (liaison token add <name> --db ...).\n`);
  const stop = async (): Promise<void> => {
    await web.close();
    await team.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await new Promise(() => undefined);
  return 0;
}
