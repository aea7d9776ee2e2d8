import type { IndexProgress, SearchHit } from './api/types.js';
import { ApiError } from './api/errors.js';
import { Archive } from './archive.js';
import { UsageError, parseArgs } from './cli.js';
import { ArchiveService } from './service.js';

function dataDirOf(flags: Map<string, string[]>): string {
  const data = flags.get('data')?.at(-1);
  if (!data) throw new UsageError('--data <dir> is required: the folder where the index is kept.');
  return data;
}

/** A bar with files, files/s and ETA on a terminal; plain lines otherwise. */
function progressPrinter(): (p: IndexProgress) => void {
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  return (p) => {
    if (p.phase === 'reading' && p.filesTotal > 0) {
      const pct = p.filesDone / p.filesTotal;
      if (tty) {
        const width = 28;
        const bar = '█'.repeat(Math.round(pct * width)).padEnd(width, '░');
        const eta = p.etaSeconds !== null ? ` ETA ${p.etaSeconds}s` : '';
        process.stderr.write(`\r${bar} ${p.filesDone}/${p.filesTotal} files · ${p.filesPerSecond} files/s${eta} · ${p.errors} errors   `);
      } else if (Date.now() - lastLine > 2000 || p.filesDone === p.filesTotal) {
        lastLine = Date.now();
        process.stderr.write(`reading ${p.filesDone}/${p.filesTotal} files (${p.filesPerSecond} files/s, ${p.errors} errors)\n`);
      }
    } else if (p.phase === 'scanning' || p.phase === 'indexing' || p.phase === 'saving') {
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}${p.phase}…${tty ? '' : '\n'}`);
    } else if (p.phase === 'done' || p.phase === 'cancelled') {
      if (tty) process.stderr.write('\r\x1b[K');
    }
  };
}

export async function runIndexCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data'], ['json']);
  if (args.positional.length === 0) throw new UsageError('index needs at least one archive folder.');
  const archive = await Archive.open(dataDirOf(args.flags));
  if (archive.notice) process.stderr.write(`${archive.notice}\n`);
  await archive.setFolders([...archive.folders, ...args.positional]);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const summary = await archive.reindex({ onProgress: progressPrinter(), signal: controller.signal });
  const { cancelled: _cancelled, ...printed } = summary;
  if (args.bools.has('json')) process.stdout.write(`${JSON.stringify(printed)}\n`);
  else {
    process.stdout.write(`${summary.documents} releases indexed in ${summary.seconds} s: ${summary.added} added, ${summary.updated} updated, ${summary.removed} removed, ${summary.unchanged} unchanged, ${summary.failed.length} could not be read.\n`);
    for (const f of summary.failed) process.stdout.write(`  ✗ ${f.path}: ${f.message} (${f.code})\n`);
  }
  return 0;
}

function formatHit(h: SearchHit, i: number): string {
  let snippet = '';
  let at = 0;
  for (const [s, e] of h.snippet.highlights) {
    snippet += `${h.snippet.text.slice(at, s)}\x1b[1m${h.snippet.text.slice(s, e)}\x1b[0m`;
    at = e;
  }
  snippet += h.snippet.text.slice(at);
  if (!process.stdout.isTTY) snippet = h.snippet.text;
  return `${i + 1}. ${h.title}\n   ${h.published ?? 'no date'} · ${h.language} · ${h.countries.join(' ') || '—'} · ${h.id}\n   ${snippet}\n`;
}

export async function runSearchCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data', 'country', 'from', 'to', 'lang', 'sort', 'limit', 'offset'], ['json', 'group']);
  if (args.positional.length !== 1) throw new UsageError('search takes one query (quote it).');
  const service = await ArchiveService.open({ dataDir: dataDirOf(args.flags) });
  const num = (name: string): number | undefined => {
    const v = args.flags.get(name)?.at(-1);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new UsageError(`--${name} takes a whole number.`);
    return Number(v);
  };
  const sort = args.flags.get('sort')?.at(-1);
  try {
    const result = await service.search({
      query: args.positional[0]!,
      countries: args.flags.get('country')?.flatMap((c) => c.split(',')).map((c) => c.trim().toUpperCase()),
      from: args.flags.get('from')?.at(-1),
      to: args.flags.get('to')?.at(-1),
      languages: args.flags.get('lang')?.flatMap((c) => c.split(',')),
      sort: sort as 'relevance' | 'date' | '-date' | undefined,
      limit: num('limit'),
      offset: num('offset'),
      groupTranslations: args.bools.has('group'),
    });
    if (args.bools.has('json')) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    }
    for (const n of result.query.notices) process.stderr.write(`note: ${n}\n`);
    for (const x of result.query.expansions) process.stderr.write(`note: “${x.term}” also matches ${x.added.join(', ')}\n`);
    process.stdout.write(`${result.total} releases (${result.tookMs} ms)\n\n`);
    result.hits.forEach((h, i) => process.stdout.write(`${formatHit(h, i)}\n`));
    return 0;
  } catch (err) {
    if (err instanceof ApiError) throw new UsageError(err.message);
    throw err;
  }
}

export async function runDocCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data'], ['json']);
  if (args.positional.length !== 1) throw new UsageError('doc takes one release id.');
  const service = await ArchiveService.open({ dataDir: dataDirOf(args.flags) });
  try {
    const { highlights: _h, ...release } = await service.getRelease({ id: args.positional[0]! });
    const translations = release.translations.map((id) => service.archive.index.get(id)?.release).filter((r) => !!r).map((r) => ({ id: r.id, language: r.language, title: r.title, path: r.path }));
    if (args.bools.has('json')) process.stdout.write(`${JSON.stringify({ ...release, translations })}\n`);
    else {
      process.stdout.write(`${release.title}\n${release.published ?? ''} · ${release.language} · ${release.path}\n\n${release.paragraphs.join('\n\n')}\n`);
      for (const t of translations) process.stdout.write(`\n[${t.language}] ${t.title} (${t.id})\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'not-found') {
      process.stderr.write(`liaison: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
