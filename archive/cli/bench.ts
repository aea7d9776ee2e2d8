import { readFile } from 'node:fs/promises';
import { readReleaseFile } from '../ingest/read.js';
import { walkArchive } from '../ingest/walk.js';
import { sampleFolder } from '../paths.js';

/**
 * Benchmarks that print figures. `bench [--docs N | --archive F]` (bench-scale.ts): from a folder
 * to answers, against the floor and Recoll; `bench quality`: how well the samples are understood;
 * `bench timeline`: the timeline in Chromium; `bench ui`: typing and scrolling in Chromium; `bench team`: the team archive on PostgreSQL at scale,
 * with a load test (bench-team.ts); `bench inspect [folder]...`: reading every file.
 */
export async function benchCommand(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0]!.startsWith('--')) {
    const { benchScale } = await import('./bench-scale.js');
    await benchScale(argv);
    return 0;
  }
  const [what, ...rest] = argv;
  if (what === 'open') {
    const { benchOpen } = await import('./bench-scale.js');
    await benchOpen(rest);
    return 0;
  }
  if (what === 'inspect') await benchInspect(rest.filter((a) => !a.startsWith('--')));
  if (what === 'quality') {
    const { measureQuality } = await import('./bench-quality.js');
    await measureQuality();
  }
  if (what === 'ui') {
    const { benchUi } = await import('./bench-ui.js');
    await benchUi(rest);
  }
  if (what === 'team') {
    const { benchTeam } = await import('./bench-team.js');
    await benchTeam(rest);
  }
  if (what === 'timeline') {
    const { benchTimeline } = await import('./bench-timeline.js');
    await benchTimeline(rest);
  }
  return 0;
}

async function benchInspect(folders: string[]): Promise<void> {
  const roots = folders.length ? folders : [sampleFolder()];
  const files = (await walkArchive(roots)).filter((f) => /\.(txt|html?|md|pdf|docx)$/i.test(f.path));
  // Warm the caches once (country tables, date grammars) so the figure is the steady rate.
  for (const f of files.slice(0, 5)) await readReleaseFile(f.path, f);
  const t0 = performance.now();
  let bytes = 0;
  let failed = 0;
  for (const f of files) {
    bytes += (await readFile(f.path)).length;
    if (!(await readReleaseFile(f.path, f)).ok) failed++;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`inspect: ${files.length} files, ${(bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(2)} s (one thread)`);
  console.log(`inspect: ${(files.length / seconds).toFixed(1)} files/s, ${(bytes / 1048576 / seconds).toFixed(2)} MB/s, ${failed} failed`);
}
