import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ApiError } from '../api/errors.js';
import type { BriefingFormat } from '../api/types.js';
import { ArchiveService } from '../service.js';
import { dataDirOf, lastValue, listValues, parseArgs, UsageError } from './args.js';
import { safeText } from './output.js';

/**
 * `liaison brief <id>... | --query "<q>" [--country XX]... [--from] [--to] [--lang] --data <dir>
 * [--title] [--marking] [--for] [--by] [--paper a4|letter] --out <file.pdf|.docx|.md|.html> [--keep]`
 */
export async function briefCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data', 'query', 'country', 'from', 'to', 'lang', 'title', 'marking', 'for', 'by', 'paper', 'out', 'language'], ['keep', 'mentioned']);
  const out = lastValue(args, 'out');
  if (!out) throw new UsageError('brief needs --out <file.pdf|file.docx|file.md|file.html>.');
  const format = extname(out).slice(1).toLowerCase() as BriefingFormat;
  if (!['pdf', 'docx', 'md', 'html'].includes(format)) throw new UsageError('--out must end in .pdf, .docx, .md or .html.');
  const query = lastValue(args, 'query');
  if (!args.positional.length && query === undefined) throw new UsageError('brief needs release ids, or --query "<q>" (it may be empty with filters).');
  const paper = lastValue(args, 'paper') ?? 'a4';
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError('--paper is a4 or letter.');
  const language = lastValue(args, 'language') ?? 'en';
  if (language !== 'en' && language !== 'fr') throw new UsageError('--language is en or fr (the briefing’s own labels and dates).');
  const service = await ArchiveService.open({ dataDir: dataDirOf(args) });
  try {
    const countries = listValues(args, 'country')?.map((c) => c.toUpperCase());
    let briefing = await service.saveBriefing({ briefing: { title: lastValue(args, 'title') ?? (query ? `Briefing: ${query}` : 'Briefing'), marking: lastValue(args, 'marking') ?? '', preparedFor: lastValue(args, 'for') ?? '', preparedBy: lastValue(args, 'by') ?? '', language, query: query ?? '', subject: countries ?? [], order: 'date' } });
    briefing = await service.addToBriefing({
      id: briefing.id,
      releaseIds: args.positional,
      search: query !== undefined ? { query, countries, mentioned: args.bools.has('mentioned'), from: lastValue(args, 'from'), to: lastValue(args, 'to'), languages: listValues(args, 'lang'), sort: 'date' } : undefined,
    });
    const file = await service.exportBriefing({ id: briefing.id, format, paper });
    await writeFile(out, Buffer.from(file.base64, 'base64'));
    if (!args.bools.has('keep')) await service.deleteBriefing({ id: briefing.id });
    process.stdout.write(`${safeText(out)}: ${briefing.items.length} releases${args.bools.has('keep') ? ` (kept as briefing ${briefing.id})` : ''}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'unavailable' || err.code === 'not-found')) {
      process.stderr.write(`liaison: ${err.message}\n`);
      return 1;
    }
    if (err instanceof ApiError) throw new UsageError(err.message);
    throw err;
  }
}
