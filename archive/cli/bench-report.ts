import type { RunProfile } from '../indexing/run.js';
import { mb } from './bench-measure.js';
import type { QueryKind } from './bench-queries.js';

/** What `liaison bench` measures, and the table it prints. */
export interface ScaleFigures {
  archive: string;
  files: number;
  megabytes: number;
  cores: number;
  readers: number;
  runs: number;
  node: string;
  floor: { seconds: number; peakRss: number };
  cold: Record<number, { seconds: number; peakRss: number; releases: number; failed: number; profile: RunProfile & { link: number; save: number } }>;
  recoll: { seconds: number | null; message?: string };
  noChange: number;
  onePercent: { files: number; seconds: number };
  diskMegabytes: number;
  openApp: { seconds: number; open: number; first: number; peakRss: number };
  cliSearch: { seconds: number; peakRss: number };
  cliInspect: { seconds: number; peakRss: number };
  queries: Partial<Record<QueryKind, { p50: number; p95: number; p99: number; count: number; found: number }>>;
  queriesPeakRss: number;
}

const s = (x: number): string => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const pad = (cells: string[], widths: number[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

export function printTable(f: ScaleFigures): void {
  const rate = (seconds: number): string => `${Math.round(f.files / seconds)} files/s`;
  const mbps = (seconds: number): string => `${(f.megabytes / seconds).toFixed(1)} MB/s`;
  const widths = [40, 10, 14, 11, 22, 10];
  const rows: string[][] = [['phase', 'seconds', 'rate', 'MB/s', 'compared', 'peak RSS']];
  rows.push(['floor: read, decode, fold, split (1 thread)', s(f.floor.seconds), rate(f.floor.seconds), mbps(f.floor.seconds), '1× the floor', `${mb(f.floor.peakRss)} MB`]);
  const best = Math.max(...Object.keys(f.cold).map(Number));
  for (const [readers, c] of Object.entries(f.cold)) {
    const vsRecoll = f.recoll.seconds ? `, ${(f.recoll.seconds / c.seconds).toFixed(2)}× Recoll's speed` : '';
    rows.push([`cold index, ${readers} reader${readers === '1' ? '' : 's'}`, s(c.seconds), rate(c.seconds), mbps(c.seconds), `${(c.seconds / f.floor.seconds).toFixed(1)}× the floor${vsRecoll}`, `${mb(c.peakRss)} MB`]);
  }
  rows.push(['Recoll (recollindex, from empty)', f.recoll.seconds ? s(f.recoll.seconds) : '—', f.recoll.seconds ? rate(f.recoll.seconds) : '', f.recoll.seconds ? mbps(f.recoll.seconds) : '', f.recoll.message ?? '', '']);
  const cold = f.cold[best]!.seconds;
  rows.push(['re-index, nothing changed', s(f.noChange), '', '', `${((100 * f.noChange) / cold).toFixed(1)} % of cold`, '']);
  rows.push([`re-index, 1 % changed (${f.onePercent.files} files)`, s(f.onePercent.seconds), '', '', `${((100 * f.onePercent.seconds) / cold).toFixed(1)} % of cold`, '']);
  rows.push(['open → first answer, app process', s(f.openApp.seconds), '', '', `open ${s(f.openApp.open)} + ${s(f.openApp.first)}`, `${mb(f.openApp.peakRss)} MB`]);
  rows.push(['CLI search, from process start', s(f.cliSearch.seconds), '', '', '', `${mb(f.cliSearch.peakRss)} MB`]);
  rows.push(['CLI inspect of one file', s(f.cliInspect.seconds), '', '', '', `${mb(f.cliInspect.peakRss)} MB`]);
  console.log(`Liaison benchmark: ${f.archive}, ${f.files} files, ${f.megabytes.toFixed(0)} MB; ${f.cores} cores, ${f.readers} readers at most; Node ${f.node}; medians of ${f.runs} run${f.runs === 1 ? '' : 's'}`);
  console.log('');
  for (const r of rows) console.log(pad(r, widths));
  const p = f.cold[best]!.profile;
  const total = p.read + p.parse + p.enrich + p.terms + p.index + p.link + p.save;
  const share = (x: number): string => `${Math.round((100 * x) / total)} %`;
  console.log('');
  console.log(`where the cold run's time goes (${best} readers; readers' work summed over files): read ${share(p.read)}, parse ${share(p.parse)}, enrich ${share(p.enrich)}, terms ${share(p.terms)}, index ${share(p.index)}, link translations ${share(p.link)}, save ${share(p.save)}`);
  console.log(`  per file: parse ${(p.parse / f.files).toFixed(2)} ms, enrich ${(p.enrich / f.files).toFixed(2)} ms, terms ${(p.terms / f.files).toFixed(2)} ms, index ${(p.index / f.files).toFixed(2)} ms; link ${s(p.link / 1000)} s, save ${s(p.save / 1000)} s`);
  console.log(`index on disk: ${f.diskMegabytes.toFixed(0)} MB (${f.cold[best]!.releases} releases, ${f.cold[best]!.failed} files failed)`);
  console.log('');
  console.log(pad(['queries (facets and first page of snippets)', 'p50 ms', 'p95 ms', 'p99 ms', 'finding something', ''], widths));
  for (const [kind, q] of Object.entries(f.queries)) console.log(pad([`  ${kind}`, q.p50.toFixed(2), q.p95.toFixed(2), q.p99.toFixed(2), `${q.found} of ${q.count}`, ''], widths));
  console.log(`peak RSS while answering: ${mb(f.queriesPeakRss)} MB (this process also holds the indexing runs' memory)`);
}
