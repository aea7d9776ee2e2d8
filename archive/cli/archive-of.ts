import { resolve } from 'node:path';
import type { ArchiveHost } from '../service.js';
import { ArchiveService } from '../service.js';
import { dataDirOf, lastValue, type ParsedArgs } from './args.js';

/**
 * The archive a command works on: a team archive (`--db postgres://...`, or LIAISON_DB) or the
 * local one in `--data`. The same calls answer the same JSON from either.
 */
export async function archiveOf(args: ParsedArgs, options: { migrate?: boolean; folders?: string[] } = {}): Promise<{ api: ArchiveHost; team: boolean; close(): Promise<void> }> {
  const db = lastValue(args, 'db') ?? process.env['LIAISON_DB'];
  if (db) {
    const { TeamService } = await import('../team/service.js');
    const team = await TeamService.connect(db, { migrate: options.migrate, readUrl: lastValue(args, 'db-read') });
    for (const path of options.folders ?? []) await team.addFolder({ path: resolve(path) });
    return { api: team, team: true, close: () => team.close() };
  }
  return { api: await ArchiveService.open({ dataDir: dataDirOf(args), folders: options.folders }), team: false, close: async () => undefined };
}
