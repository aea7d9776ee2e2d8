import { ApiError } from '../api/errors.js';
import type { TimelinePeriod, TimelineResult } from '../api/types.js';
import { countryByCode } from '../enrich/countries.js';
import { archiveOf } from './archive-of.js';
import { lastValue, listValues, parseArgs, UsageError } from './args.js';
import { safeText } from './output.js';

/** The timeline as a table for a terminal: a row per country, a column per period, in blocks as wide as the terminal. */
export function timelineTable(t: TimelineResult, width = 100): string {
  if (!t.range || t.lanes.length === 0) return 'No dated release matches.\n';
  const names = t.lanes.map((l) => `${safeText(countryByCode(l.country)?.en ?? l.country).slice(0, 18)} (${l.country})`);
  const nameWidth = Math.max(12, ...names.map((n) => n.length)) + 1;
  const periods = t.lanes[0]!.buckets.map((b) => b.period);
  const cell = Math.max(...periods.map((p) => p.length), ...t.lanes.flatMap((l) => l.buckets.map((b) => String(b.count).length))) + 1;
  const totalWidth = 7;
  const perBlock = Math.max(1, Math.floor((width - nameWidth - totalWidth) / cell));
  const lines: string[] = [`${t.lanes.length} countries, by ${t.by}, ${t.range.from} – ${t.range.to}: ${t.total} releases (a translated pair counts once)`, ''];
  for (let start = 0; start < periods.length; start += perBlock) {
    const slice = periods.slice(start, start + perBlock);
    lines.push(`${''.padEnd(nameWidth)}${slice.map((p) => p.padStart(cell)).join('')}${start + perBlock >= periods.length ? 'total'.padStart(totalWidth) : ''}`);
    t.lanes.forEach((lane, i) => {
      const cells = lane.buckets.slice(start, start + perBlock).map((b) => (b.count ? String(b.count) : '·').padStart(cell));
      lines.push(`${names[i]!.padEnd(nameWidth)}${cells.join('')}${start + perBlock >= periods.length ? String(lane.total).padStart(totalWidth) : ''}`);
    });
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** `liaison timeline [<query>] --data <dir> [--country XX]... [--from] [--to] [--by …] [--mentioned] [--json]` */
export async function timelineCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data', 'db', 'db-read', 'country', 'from', 'to', 'lang', 'by', 'top'], ['json', 'mentioned']);
  if (args.positional.length > 1) throw new UsageError('timeline takes at most one query (quote it).');
  const by = lastValue(args, 'by') ?? 'year';
  if (!['year', 'quarter', 'month', 'week', 'day'].includes(by)) throw new UsageError('--by is year, quarter, month, week or day.');
  const archive = await archiveOf(args);
  const service = archive.api;
  const countries = listValues(args, 'country')?.map((c) => c.toUpperCase());
  try {
    const result = await service.timeline({
      query: args.positional[0] ?? '',
      // The countries asked for are the lanes; the search itself is not narrowed to them.
      lanes: countries,
      mentioned: args.bools.has('mentioned'),
      from: lastValue(args, 'from'),
      to: lastValue(args, 'to'),
      languages: listValues(args, 'lang'),
      by: by as TimelinePeriod,
      top: lastValue(args, 'top') ? Number(lastValue(args, 'top')) : undefined,
    });
    if (args.bools.has('json')) {
      const { by: period, range, lanes } = result;
      process.stdout.write(`${JSON.stringify({ by: period, range, lanes })}\n`);
    } else process.stdout.write(timelineTable(result, process.stdout.columns ?? 100));
    return 0;
  } catch (err) {
    if (err instanceof ApiError) throw new UsageError(err.message);
    throw err;
  } finally {
    await archive.close();
  }
}
