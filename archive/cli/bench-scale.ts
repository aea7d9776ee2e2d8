import { existsSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ReaderPool } from '../ingest/pool.js';
import { walkArchive } from '../ingest/walk.js';
import { LocalArchive } from '../local-archive.js';
import { appRoot } from '../paths.js';
import { ArchiveService } from '../service.js';
import { generateArchive } from './bench-archive.js';
import { mb, measured, median, medianOf, percentile, timedChild } from './bench-measure.js';
import { makeQueries, QUERY_KINDS } from './bench-queries.js';
import { printTable, type ScaleFigures } from './bench-report.js';
import { floorRun, recollAvailable, recollRun } from './bench-runs.js';

/**
 * `liaison bench [--docs N | --archive <folder>] [--runs R] [--queries Q] [--json]`: from a folder
 * to answers, side by side in one run, every time the median of R runs (see bench-report.ts for
 * the table). A generated archive is kept in the temporary folder for the next run.
 */
export async function benchScale(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const figures = await measureScale(argv, (line) => void (json ? process.stderr : process.stdout).write(`${line}\n`));
  if (json) console.log(JSON.stringify(figures, null, 1));
  else printTable(figures);
}

/** Takes every measure of the table (the options as on the command line); `log` tells where it is. */
export async function measureScale(argv: string[], log: (line: string) => void): Promise<ScaleFigures> {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const docs = Number(value('docs') ?? 20000);
  const runs = Math.max(1, Number(value('runs') ?? 3));
  const perKind = Math.max(1, Number(value('queries') ?? 500));
  const scratch = await mkdtemp(join(tmpdir(), 'liaison-bench-'));
  try {
    let folder = value('archive') ? resolve(value('archive')!) : undefined;
    let generated = false;
    if (!folder) {
      folder = join(tmpdir(), `liaison-bench-archive-${docs}`);
      if (!existsSync(`${folder}.complete`)) {
        log(`generating ${docs} releases in ${folder} …`);
        await rm(folder, { recursive: true, force: true });
        await generateArchive(folder, docs);
        // The mark of a complete archive lies beside it (a hidden file in it would be listed as skipped).
        writeFileSync(`${folder}.complete`, '');
      }
      generated = true;
    }
    const files = (await walkArchive([folder])).filter((f) => /\.(txt|html?|md|pdf|docx)$/i.test(f.path));
    const bytes = files.reduce((a, f) => a + f.size, 0);
    const cores = cpus().length;
    const figures: ScaleFigures = { archive: generated ? `${docs} generated releases` : folder, files: files.length, megabytes: bytes / 1048576, cores, readers: ReaderPool.defaultSize(), runs, node: process.version, cold: {}, queries: {} } as ScaleFigures;

    log('floor …');
    const floor = await medianOf(runs, () => measured(() => floorRun(files)));
    figures.floor = { seconds: floor.seconds, peakRss: floor.peakRss };

    let lastData = '';
    for (const readers of [...new Set([1, ReaderPool.defaultSize()])]) {
      log(`cold index with ${readers} reader(s) …`);
      await ReaderPool.resize(readers);
      const cold = await medianOf(runs, async () => {
        const data = join(scratch, `data-${readers}-${Math.random().toString(36).slice(2)}`);
        const archive = await LocalArchive.open(data);
        await archive.setFolders([folder!]);
        const m = await measured(() => archive.reindex({}));
        if (lastData) await rm(lastData, { recursive: true, force: true });
        lastData = data;
        return { ...m, value: { summary: m.value, profile: archive.lastProfile! } };
      });
      figures.cold[readers] = { seconds: cold.seconds, peakRss: cold.peakRss, releases: cold.value.summary.documents, failed: cold.value.summary.failed.length, profile: cold.value.profile };
    }

    if (recollAvailable()) {
      log('Recoll …');
      const recoll = await medianOf(runs, async (run) => {
        const r = await recollRun(folder!, scratch, run);
        return { value: r, seconds: r.seconds, peakRss: 0 };
      });
      figures.recoll = recoll.value.ok ? { seconds: recoll.seconds } : { seconds: null, message: recoll.value.message };
    } else figures.recoll = { seconds: null, message: 'recollindex is not installed (apt-get install recollcmd to compare)' };

    const archive = await LocalArchive.open(lastData);
    log('re-index …');
    figures.noChange = (await medianOf(runs, () => measured(() => archive.reindex({})))).seconds;
    const changed = files.filter((f) => /\.(txt|md|html)$/i.test(f.path)).filter((_, i) => i % 100 === 0);
    figures.onePercent = {
      files: changed.length,
      seconds: (
        await medianOf(runs, async () => {
          const originals = await Promise.all(changed.map(async (f) => ({ f, data: await readFile(f.path), st: await stat(f.path) })));
          for (const { f, data } of originals) await writeFile(f.path, Buffer.concat([data, Buffer.from('\nThis release was updated.\n')]));
          const m = await measured(() => archive.reindex({}));
          for (const { f, data, st } of originals) {
            await writeFile(f.path, data);
            await utimes(f.path, st.atime, st.mtime);
          }
          await archive.reindex({});
          return m;
        })
      ).seconds,
    };
    figures.diskMegabytes = (await sizeOf(join(lastData, 'index'))) / 1048576;

    log('open and first answer …');
    const cli = join(appRoot(), 'bin', 'liaison.mjs');
    const countries = Object.keys((await ArchiveService.over(archive, { dataDir: lastData }).search({ query: '', limit: 0 })).facets.countries);
    const queries = await makeQueries(files, countries, perKind);
    const firstQuery = queries.get('one word')![0]!.query;
    const opens = [];
    const clis = [];
    const inspects = [];
    for (let r = 0; r < runs; r++) {
      const o = await timedChild(process.execPath, [cli, 'bench', 'open', '--data', lastData, '--query', firstQuery], { scratch, node: true });
      opens.push({ ...(JSON.parse(o.stdout.trim().split('\n').pop()!) as { open: number; first: number }), peakRss: o.peakRss ?? 0 });
      const c = await timedChild(process.execPath, [cli, 'search', firstQuery, '--data', lastData, '--limit', '20'], { scratch, node: true });
      clis.push({ seconds: c.seconds, peakRss: c.peakRss ?? 0, ok: c.code === 0 });
      const i = await timedChild(process.execPath, [cli, 'inspect', files[r % files.length]!.path], { scratch, node: true });
      inspects.push({ seconds: i.seconds, peakRss: i.peakRss ?? 0 });
    }
    figures.openApp = { seconds: median(opens.map((o) => o.open + o.first)), open: median(opens.map((o) => o.open)), first: median(opens.map((o) => o.first)), peakRss: median(opens.map((o) => o.peakRss)) };
    figures.cliSearch = { seconds: median(clis.map((c) => c.seconds)), peakRss: median(clis.map((c) => c.peakRss)) };
    figures.cliInspect = { seconds: median(inspects.map((c) => c.seconds)), peakRss: median(inspects.map((c) => c.peakRss)) };

    log('queries …');
    const service = await ArchiveService.open({ dataDir: lastData });
    const answered = await measured(async () => {
      for (const kind of QUERY_KINDS) {
        const times: number[] = [];
        let found = 0;
        for (const q of queries.get(kind)!) {
          const t0 = performance.now();
          const result = await service.search(q);
          times.push(performance.now() - t0);
          if (result.total > 0) found++;
        }
        figures.queries[kind] = { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), count: times.length, found };
      }
    });
    figures.queriesPeakRss = answered.peakRss;
    return figures;
  } finally {
    await ReaderPool.resize(ReaderPool.defaultSize());
    await rm(scratch, { recursive: true, force: true });
  }
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? await sizeOf(p) : statSync(p).size;
  }
  return total;
}

/** `liaison bench open --data <dir> --query <q>`: run in a fresh process, prints how long opening and the first answer took (ms). */
export async function benchOpen(argv: string[]): Promise<void> {
  const data = argv[argv.indexOf('--data') + 1]!;
  const query = argv[argv.indexOf('--query') + 1] ?? '';
  let t0 = performance.now();
  const service = await ArchiveService.open({ dataDir: data });
  const open = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const result = await service.search({ query, limit: 20 });
  const first = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ open, first, total: result.total, rss: mb(process.memoryUsage.rss()) }));
}
