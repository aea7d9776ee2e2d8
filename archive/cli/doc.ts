import { ApiError } from '../api/errors.js';
import { archiveOf } from './archive-of.js';
import { parseArgs, UsageError } from './args.js';

/** `liaison doc <id> --data <dir> [--json]`: one whole release. */
export async function docCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data'], ['json']);
  if (args.positional.length !== 1) throw new UsageError('doc takes one release id.');
  const archive = await archiveOf(args);
  const service = archive.api;
  try {
    const { highlights: _h, paragraphStarts: _p, ...release } = await service.getRelease({ id: args.positional[0]! });
    if (args.bools.has('json')) process.stdout.write(`${JSON.stringify(release)}\n`);
    else {
      process.stdout.write(`${release.title}\n${release.published ?? ''} · ${release.language} · ${release.path}\n\n${release.paragraphs.join('\n\n')}\n`);
      for (const t of release.translations) process.stdout.write(`\n[${t.language}] ${t.title} (${t.id})\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'not-found') {
      process.stderr.write(`liaison: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await archive.close();
  }
}
