import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PressRelease } from '../api/types.js';
import { allCountries } from '../enrich/countries.js';
import { LocalArchive } from '../local-archive.js';
import { appRoot } from '../paths.js';
import { ArchiveService } from '../service.js';
import { linkTranslations } from '../search/translations.js';
import { startWebServer } from '../transport/http.js';

/**
 * `liaison bench timeline [--docs 30000]`: the timeline in Chromium over an archive of generated
 * releases (put straight into the index: this measures the view, not reading files), with the
 * browser's own performance marks: the first render after opening the view, and each zoom step
 * (script time from the key to the drawn lanes).
 */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generatedReleases(count: number): PressRelease[] {
  const random = rng(11);
  const countries = allCountries().slice(0, 40);
  const out: PressRelease[] = [];
  for (let i = 0; i < count; i++) {
    const pair = i > 0 && random() < 0.2 ? out[i - 1]! : null;
    const lang = pair ? (pair.language === 'en' ? 'fr' : 'en') : random() < 0.6 ? 'en' : 'fr';
    const day = pair?.published ?? new Date(Date.UTC(1996, 0, 1) + Math.floor(random() * 30 * 365.25) * 86_400_000).toISOString().slice(0, 10);
    const subjects = pair?.countries ?? [...new Set([countries[Math.floor(Math.pow(random(), 2) * countries.length)]!, countries[Math.floor(random() * countries.length)]!])].map((c, k) => ({ code: c.code, name: c.en, about: k === 0, aboutBecause: k === 0 ? ['title' as const] : [], home: false, evidence: [{ text: c.en, start: 0, end: c.en.length }] }));
    const title = `${lang === 'en' ? 'Cooperation with' : 'Coopération avec'} ${subjects.map((c) => c.name).join(lang === 'en' ? ' and ' : ' et ')} (${i})`;
    out.push({
      id: `g${String(i).padStart(8, '0')}`,
      path: `/generated/${i}.txt`,
      format: 'txt',
      encoding: 'utf-8',
      title,
      published: day,
      updated: null,
      language: lang,
      place: 'Berne',
      paragraphs: [],
      text: `${title}\n\n${lang === 'en' ? 'Talks on security and trade.' : 'Entretiens sur la sécurité et le commerce.'} ${i}`,
      countries: subjects,
      organisations: [],
      quotes: [],
      summary: '',
      sourceUrl: null,
      origin: { host: null, country: null, datelineCountry: 'CH' },
      translations: [],
      size: 100,
      mtimeMs: 1,
      hash: `h${i}`,
    });
  }
  return out;
}

/** A service over `count` generated releases put straight into an index in `data`. */
export async function generatedService(data: string, count: number): Promise<ArchiveService> {
  const archive = await LocalArchive.open(data);
  const releases = generatedReleases(count);
  for (const r of releases) archive.index.add(r);
  archive.index.setHomeCountries(null);
  archive.index.setTranslations(linkTranslations(releases));
  return ArchiveService.over(archive, { dataDir: data });
}

const stats = (xs: number[]): string => {
  if (!xs.length) return 'none measured';
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (${s.length} steps)`;
};

export async function benchTimeline(argv: string[]): Promise<void> {
  const docsAt = argv.indexOf('--docs');
  const count = docsAt >= 0 ? Number(argv[docsAt + 1]) : 30_000;
  const chromiumPath = process.env['LIAISON_CHROMIUM'] ?? '/usr/bin/chromium';
  const data = await mkdtemp(join(tmpdir(), 'liaison-bench-timeline-'));
  try {
    let t0 = performance.now();
    const service = await generatedService(data, count);
    console.log(`timeline: ${count} generated releases put in the index in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    await service.timeline({ by: 'quarter', top: 8 });
    console.log(`timeline: engine answer for the whole archive by quarter: ${(performance.now() - t0).toFixed(1)} ms`);

    const { chromium } = await import('playwright-core');
    const web = await startWebServer(service, { staticDir: join(appRoot(), 'build', 'renderer') });
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const firsts: number[] = [];
      const zooms: number[] = [];
      for (let run = 0; run < 3; run++) {
        await page.goto(run === 0 ? web.url : `http://127.0.0.1:${web.port}/`);
        await page.waitForSelector('.results-pane[data-query]');
        await page.getByRole('tab', { name: 'Timeline' }).click();
        await page.waitForSelector('.timeline-pane[data-ready="true"]');
        firsts.push(await page.evaluate(() => performance.getEntriesByName('liaison:timeline:first-render').at(-1)?.duration ?? -1));
        await page.locator('.timeline-chart svg').focus();
        await page.evaluate(() => performance.clearMeasures('liaison:timeline:zoom'));
        // In through every period size down to single releases, and out again.
        for (const key of [...Array(9).fill('+'), ...Array(9).fill('-')]) {
          await page.keyboard.press(key);
          await page.waitForTimeout(120);
        }
        zooms.push(...(await page.evaluate(() => performance.getEntriesByName('liaison:timeline:zoom').map((e) => e.duration))));
        await page.getByRole('tab', { name: 'Results' }).click();
      }
      console.log(`timeline: first render in the browser (from opening the view, data included): ${stats(firsts)} — target under 300 ms`);
      console.log(`timeline: zoom steps (script time from the key to the drawn lanes): ${stats(zooms)} — target under 16 ms`);
    } finally {
      await browser.close();
      await web.close();
    }
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}
