import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PressRelease } from '../../archive/api/types.js';
import { readRelease } from '../../archive/ingest/read.js';
import { chSample, normaliseSpace, readTruth, whSample } from '../support/fixtures.js';

async function readAll(root: string): Promise<{ truth: Record<string, string>; release: PressRelease }[]> {
  const out = [];
  for (const truth of readTruth(join(root, 'truth.tsv'))) {
    const path = join(root, truth['path']!);
    out.push({ truth, release: await readRelease(path, readFileSync(path), statSync(path)) });
  }
  return out;
}

const rate = (n: number, of: number): number => (of === 0 ? 0 : n / of);

describe('the Swiss federal sample (HTML and text, French, English, German; UTF-8 and Windows-1252)', async () => {
  const all = await readAll(chSample);

  it('reads every release of the sample', () => {
    expect(all.length).toBe(232);
  });

  it('gets ≥ 99 % of titles exactly, ≥ 99.5 % of dates, 100 % of languages', () => {
    const titles = all.filter(({ truth, release }) => normaliseSpace(release.title) === normaliseSpace(truth['title']!)).length;
    const dates = all.filter(({ truth, release }) => release.published === truth['date']).length;
    const languages = all.filter(({ truth, release }) => release.language === truth['lang']).length;
    expect(rate(titles, all.length)).toBeGreaterThanOrEqual(0.99);
    expect(rate(dates, all.length)).toBeGreaterThanOrEqual(0.995);
    expect(languages).toBe(all.length);
  });

  it('detects the encoding and decodes every Windows-1252 file without a replacement character', () => {
    const cp1252 = all.filter(({ truth }) => truth['encoding'] === 'cp1252');
    expect(cp1252.length).toBeGreaterThan(0);
    for (const { release } of cp1252) {
      expect(release.encoding).toBe('cp1252');
      expect(release.text).not.toContain('\uFFFD');
    }
    for (const { release } of all) expect(release.text).not.toMatch(/[\uFFFD\u0080-\u009F]/);
  });

  it('keeps page furniture (navigation, footer, scripts) out of saved HTML pages', () => {
    const html = all.filter(({ truth }) => truth['format'] === 'html');
    expect(html.length).toBe(152);
    for (const { release } of html) {
      expect(release.text).not.toMatch(/window\.dataLayer|Accueil \| |Home \| |© |Confédération suisse|Swiss Confederation$/m);
      expect(release.paragraphs.length).toBeGreaterThan(0);
    }
  });

  it('reads the dateline city of ≥ 98 % of releases', () => {
    const places = all.filter(({ truth, release }) => release.place === truth['city']).length;
    expect(rate(places, all.length)).toBeGreaterThanOrEqual(0.98);
  });

  it('writes dates as the record promises: published YYYY-MM-DD, updated YYYY-MM-DDTHH:MM or null', () => {
    for (const { release } of all) {
      expect(release.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (release.updated !== null) expect(release.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    }
    // Text copied from the page states the update time; saved pages give only a date, so no time is invented.
    expect(all.filter(({ truth, release }) => truth['format'] === 'txt' && release.updated !== null).length).toBe(80);
  });

  it('tells the German releases filed under en/ by their text', () => {
    const german = all.filter(({ truth }) => truth['lang'] === 'de').map(({ release }) => release.language);
    expect(german).toEqual(['de', 'de']);
  });

  it('tags Japan as a subject (about) of every release with Japan/Japon in its title', () => {
    const japan = all.filter(({ release }) => /Japan|Japon/.test(release.title));
    expect(japan.length).toBeGreaterThan(0);
    for (const { release } of japan) expect(release.countries.find((c) => c.code === 'JP')?.about).toBe(true);
  });

  it('finds Ukraine, and gives evidence that points into the text', () => {
    const ukraine = all.filter(({ release }) => /Ukraine/.test(release.title));
    expect(ukraine.length).toBeGreaterThan(0);
    for (const { release } of ukraine) {
      const ua = release.countries.find((c) => c.code === 'UA');
      expect(ua?.about).toBe(true);
      for (const e of ua!.evidence) expect(release.text.slice(e.start, e.end)).toBe(e.text);
    }
  });
});

describe('the White House sample (Markdown with front matter)', async () => {
  const all = await readAll(whSample);
  const byName = (part: string): PressRelease => all.find(({ truth }) => truth['path']!.includes(part))!.release;

  it('gets ≥ 99 % of titles and ≥ 99.5 % of dates from the front matter', () => {
    expect(all.length).toBe(300);
    const titles = all.filter(({ truth, release }) => normaliseSpace(release.title) === normaliseSpace(truth['title']!)).length;
    const dates = all.filter(({ truth, release }) => release.published === truth['date']).length;
    expect(rate(titles, all.length)).toBeGreaterThanOrEqual(0.99);
    expect(rate(dates, all.length)).toBeGreaterThanOrEqual(0.995);
    for (const { truth, release } of all) {
      // One release of the sample is the French text of a joint declaration.
      expect(release.language).toBe(truth['path']!.includes('declaration-de-los-angeles') ? 'fr' : 'en');
      expect(release.text).not.toMatch(/<img|<figure|data:image/);
    }
  });

  it('reads Georgia the US state as no country, and Georgia the country where it is one', () => {
    const state = byName('president-trump-returns-to-georgia');
    expect(state.countries.map((c) => c.code)).not.toContain('GE');
    for (const { release } of all) {
      const ge = release.countries.find((c) => c.code === 'GE');
      if (ge) expect(release.text).toMatch(/Tbilisi|Republic of Georgia|country of Georgia|Georgian government|Géorgie|(Ukraine|Moldova|Armenia|Azerbaijan),? (and )?Georgia/);
    }
  });

  it('does not take Jim Jordan or Jordan Fabian for the kingdom, but finds Jordan with King Abdullah', () => {
    const jim = all.filter(({ release }) => /Jim Jordan|Jordan Fabian/.test(release.text));
    expect(jim.length).toBeGreaterThan(0);
    for (const { release } of jim) {
      if (!/Amman|Jordanian|King Abdullah|Kingdom of Jordan/.test(release.text)) expect(release.countries.map((c) => c.code)).not.toContain('JO');
    }
    const king = byName('king-abdullah-ii-of-jordan-to-the-white-house');
    expect(king.countries.find((c) => c.code === 'JO')?.about).toBe(true);
  });

  it('never tags Chad from a first name', () => {
    for (const { release } of all) {
      const td = release.countries.find((c) => c.code === 'TD');
      if (td) expect(release.text).toMatch(/N'Djamena|Chadian|Republic of Chad|Tchad/);
    }
  });

  it('tells the two Koreas apart', () => {
    const seoulVisit = byName('previewing-president-bidens-third-day-in-the-republic-of-korea');
    expect(seoulVisit.countries.find((c) => c.code === 'KR')?.about).toBe(true);
    const crash = byName('plane-crash-in-the-republic-of-korea');
    expect(crash.countries.find((c) => c.code === 'KR')?.about).toBe(true);
    expect(crash.countries.map((c) => c.code)).not.toContain('KP');
  });

  it('keeps the Organization of American States and NATO apart from countries', () => {
    const nato = byName('welcoming-mark-rutte-as-secretary-general');
    expect(nato.organisations).toContain('NATO');
  });
});
