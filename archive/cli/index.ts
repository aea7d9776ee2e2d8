import { archiveOf } from './archive-of.js';
import { parseArgs, UsageError } from './args.js';
import { progressPrinter } from './output.js';
import type { ArchiveHost } from '../service.js';

/** `liaison index <folder>... (--data <dir> | --db postgres://...) [--json]`: adds the folders and brings the index up to date. */
export async function indexCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data', 'db'], ['json']);
  if (args.positional.length === 0) throw new UsageError('index needs at least one archive folder.');
  const archive = await archiveOf(args, { migrate: true, folders: args.positional });
  try {
    return await indexInto(archive.api, args.bools.has('json'));
  } finally {
    await archive.close();
  }
}

async function indexInto(service: ArchiveHost, json: boolean): Promise<number> {
  const { notice } = await service.status({});
  if (notice) process.stderr.write(`${notice}\n`);
  const print = progressPrinter();
  service.events.on('event', (event) => {
    if (event.type === 'progress') print(event.progress);
  });
  // Ctrl-C or a SIGTERM stops the run: the readers are stopped and the stored index stays as it was.
  const stop = (): void => void service.cancelIndexing({});
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const summary = await service.reindex({});
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  if (summary.cancelled) {
    process.stderr.write('Indexing was stopped; the stored index is as it was before this run.\n');
    return 130;
  }
  const { cancelled: _cancelled, ...printed } = summary;
  if (json) process.stdout.write(`${JSON.stringify(printed)}\n`);
  else {
    process.stdout.write(`${summary.documents} releases indexed in ${summary.seconds} s: ${summary.added} added, ${summary.updated} updated, ${summary.removed} removed, ${summary.unchanged} unchanged, ${summary.failed.length} could not be read.\n`);
    for (const f of summary.failed) process.stdout.write(`  ✗ ${f.path}: ${f.message} (${f.code})\n`);
  }
  return 0;
}
