import { ApiError } from '../api/errors.js';
import type { SearchHit, SortOrder } from '../api/types.js';
import { archiveOf } from './archive-of.js';
import { lastValue, listValues, parseArgs, UsageError, wholeNumber } from './args.js';

function formatHit(h: SearchHit, i: number, tty: boolean): string {
  let snippet = h.snippet.text;
  if (tty) {
    snippet = '';
    let at = 0;
    for (const [s, e] of h.snippet.highlights) {
      snippet += `${h.snippet.text.slice(at, s)}\x1b[1m${h.snippet.text.slice(s, e)}\x1b[0m`;
      at = e;
    }
    snippet += h.snippet.text.slice(at);
  }
  return `${i + 1}. ${h.title}\n   ${h.published ?? 'no date'} · ${h.language} · ${h.countries.join(' ') || '—'} · ${h.id}\n   ${snippet}\n`;
}

/** `liaison search "<query>" --data <dir> [filters] [--json]` */
export async function searchCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data', 'db', 'db-read', 'country', 'from', 'to', 'lang', 'sort', 'limit', 'offset'], ['json', 'group', 'mentioned']);
  if (args.positional.length !== 1) throw new UsageError('search takes one query (quote it).');
  const archive = await archiveOf(args);
  const service = archive.api;
  try {
    const result = await service.search({
      query: args.positional[0]!,
      countries: listValues(args, 'country')?.map((c) => c.toUpperCase()),
      mentioned: args.bools.has('mentioned'),
      from: lastValue(args, 'from'),
      to: lastValue(args, 'to'),
      languages: listValues(args, 'lang'),
      sort: lastValue(args, 'sort') as SortOrder | undefined,
      limit: wholeNumber(args, 'limit'),
      offset: wholeNumber(args, 'offset'),
      groupTranslations: args.bools.has('group'),
    });
    if (args.bools.has('json')) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    }
    for (const n of result.query.notices) process.stderr.write(`note: ${n}\n`);
    for (const x of result.query.expansions) process.stderr.write(`note: “${x.term}” also matches ${x.added.join(', ')}\n`);
    process.stdout.write(`${result.total} releases (${result.tookMs} ms)\n\n`);
    result.hits.forEach((h, i) => process.stdout.write(`${formatHit(h, i, !!process.stdout.isTTY)}\n`));
    return 0;
  } catch (err) {
    if (err instanceof ApiError) throw new UsageError(err.message);
    throw err;
  } finally {
    await archive.close();
  }
}
