import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allCountries } from '../enrich/countries.js';
import { readRelease } from '../ingest/read.js';
import { walkArchive } from '../ingest/walk.js';
import { ArchiveService } from '../service.js';
import { sampleFolder } from '../paths.js';

/**
 * `liaison bench index [--size 20000]`: generates an archive of releases in English and French
 * (sentences of the real samples, recombined, with partner countries and dates spread over 25
 * years), then prints cold indexing, re-indexing with no change, loading the stored index,
 * memory, and query latencies.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function sampleSentences(): Promise<{ en: string[]; fr: string[]; titles: { en: string[]; fr: string[] } }> {
  const root = sampleFolder();
  const out = { en: [] as string[], fr: [] as string[], titles: { en: [] as string[], fr: [] as string[] } };
  for (const f of (await walkArchive([root])).filter((x) => /\.(txt|html|md)$/.test(x.path))) {
    try {
      const r = await readRelease(f.path, await readFile(f.path), f);
      if (r.language !== 'en' && r.language !== 'fr') continue;
      out.titles[r.language].push(r.title);
      for (const p of r.paragraphs) for (const s of p.split(/(?<=[.!?])\s+/)) if (s.length > 40 && s.length < 400) out[r.language].push(s);
    } catch {
      // Samples that cannot be read add nothing.
    }
  }
  return out;
}

export async function generate(dir: string, size: number): Promise<void> {
  const source = await sampleSentences();
  const countries = allCountries();
  const random = rng(42);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const months = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Oct.', 'Nov.', 'Dec.'];
  for (let i = 0; i < size; i++) {
    const lang = random() < 0.5 ? 'en' : 'fr';
    const country = pick(countries);
    const name = lang === 'en' ? country.en : country.fr;
    const year = 2000 + Math.floor(random() * 25);
    const date = `${String(1 + Math.floor(random() * 28)).padStart(2, '0')} ${pick(months)} ${year}`;
    const paragraphs: string[] = [];
    const count = 3 + Math.floor(random() * 6);
    for (let p = 0; p < count; p++) {
      const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(source[lang]));
      if (p === 0) sentences.unshift(lang === 'en' ? `Switzerland and ${name} met to discuss their cooperation.` : `La Suisse et ${name} ont discuté de leur coopération.`);
      paragraphs.push(sentences.join(' '));
    }
    const title = `${pick(source.titles[lang])} (${name})`;
    const text = `${title}\n\n  • ${date} -\n\nBerne - ${paragraphs.join('\n\n')}\n`;
    const sub = join(dir, String(year), lang);
    if (i < 50 || random() < 0.002) await mkdir(sub, { recursive: true });
    await mkdir(sub, { recursive: true });
    await writeFile(join(sub, `release-${i}.txt`), text);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeQueries(service: ArchiveService, label: string, queries: { query: string; countries?: string[]; languages?: string[]; from?: string; to?: string }[]): Promise<void> {
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await service.search({ ...q, limit: 20 });
    times.push(performance.now() - t0);
  }
  console.log(`query ${label.padEnd(22)} median ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  (${queries.length} queries)`);
}

export async function benchIndex(argv: string[]): Promise<void> {
  const sizeArg = argv.indexOf('--size');
  const size = sizeArg >= 0 ? Number(argv[sizeArg + 1]) : 20000;
  const work = await mkdtemp(join(tmpdir(), 'liaison-bench-'));
  const folder = join(work, 'archive');
  const data = join(work, 'data');
  try {
    let t0 = performance.now();
    await generate(folder, size);
    console.log(`generated ${size} releases (en/fr) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const indexer = await ArchiveService.open({ dataDir: data, folders: [folder] });
    t0 = performance.now();
    const cold = await indexer.reindex({});
    const coldSeconds = (performance.now() - t0) / 1000;
    console.log(`cold index: ${cold.documents} releases in ${coldSeconds.toFixed(1)} s = ${(cold.documents / coldSeconds).toFixed(0)} releases/s (${cold.failed.length} failed)`);

    t0 = performance.now();
    const warm = await indexer.reindex({});
    console.log(`re-index, no change: ${((performance.now() - t0) / 1000).toFixed(2)} s (${warm.unchanged} unchanged, ${warm.added + warm.updated} re-read)`);

    t0 = performance.now();
    const service = await ArchiveService.open({ dataDir: data });
    const loadSeconds = (performance.now() - t0) / 1000;
    global.gc?.();
    console.log(`load stored index: ${loadSeconds.toFixed(2)} s (${(await service.status()).documents} releases)`);
    const mem = process.memoryUsage();
    console.log(`memory with two copies loaded (the indexer's and the reloaded one): heap ${(mem.heapUsed / 1048576).toFixed(0)} MB, rss ${(mem.rss / 1048576).toFixed(0)} MB`);

    const random = rng(7);
    const words = ['coopération', 'security', 'défense', 'Federal', 'Conseil', 'sanctions', 'agreement', 'accord', 'humanitarian', 'economic', 'Ukraine', 'Japon', 'cyber', 'armée', 'visit', 'minister', 'développement', 'trade', 'droits', 'neutrality'];
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
    const codes = allCountries().map((c) => c.code);
    await timeQueries(service, 'one word', Array.from({ length: 200 }, () => ({ query: pick(words) })));
    await timeQueries(service, 'two words', Array.from({ length: 200 }, () => ({ query: `${pick(words)} ${pick(words)}` })));
    await timeQueries(service, 'phrase', Array.from({ length: 200 }, () => pick([{ query: '"Federal Council"' }, { query: '"Conseil fédéral"' }, { query: '"human rights"' }, { query: '"droits de l\'homme"' }, { query: '"their cooperation"' }])));
    await timeQueries(service, 'word + filters', Array.from({ length: 200 }, () => ({ query: pick(words), countries: [pick(codes)], languages: [pick(['en', 'fr'])], from: '2010-01-01', to: '2020-12-31' })));
    await timeQueries(service, 'filters only', Array.from({ length: 200 }, () => ({ query: '', countries: [pick(codes)] })));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
