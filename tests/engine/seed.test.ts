import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRelease } from '../../archive/ingest/read.js';
import { seedFile } from '../support/fixtures.js';

describe('the NATO seed release (French, text copied from the web page)', async () => {
  const bytes = readFileSync(seedFile);
  const release = await readRelease(seedFile, bytes, statSync(seedFile));

  it('has its exact title, dates and language', () => {
    expect(release.title).toBe('L’OTAN et le Japon intensifient leur dialogue dans le domaine de la cyberdéfense');
    expect(release.published).toBe('2019-10-09');
    expect(release.updated).toBe('2019-10-09T18:15');
    expect(release.language).toBe('fr');
    expect(release.format).toBe('txt');
    expect(release.encoding).toBe('utf-8');
  });

  it('has Japan as the subject, with Japon, japonais and Tokyo as evidence, and NATO as an organisation', () => {
    expect(release.countries.map((c) => c.code)).toEqual(['JP']);
    const japan = release.countries[0]!;
    expect(japan.about).toBe(true);
    expect(japan.aboutBecause).toContain('title');
    const words = new Set(japan.evidence.map((e) => e.text));
    expect(words).toEqual(new Set(['Japon', 'japonais', 'Tokyo']));
    for (const e of japan.evidence) expect(release.text.slice(e.start, e.end)).toBe(e.text);
    expect(release.organisations).toContain('NATO');
    expect(release.countries.some((c) => c.name === 'NATO')).toBe(false);
  });

  it('quotes Christian Liflander and Kyosuke Matsumoto with their roles', () => {
    expect(release.quotes.map((q) => [q.speaker, q.role])).toEqual([
      ['Christian Liflander', 'chef de la Section Cyberdéfense au siège de l’OTAN'],
      ['Kyosuke Matsumoto', 'directeur de la Division Planification stratégique au ministère japonais de la Defense'],
    ]);
    expect(release.quotes[0]!.text).toMatch(/^Les cybermenaces deviennent/);
    expect(release.quotes[1]!.text).toMatch(/dans le domaine cyber va dans ce sens$/);
  });

  it('has a short summary of its own sentences that opens with the news', () => {
    expect(release.summary.startsWith('Cette semaine, l’OTAN et le Japon ont eu des entretiens de travail sur la cyberdéfense')).toBe(true);
    expect(release.summary.length).toBeLessThan(500);
    const sentences = release.summary.split(/(?<=\.)\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    for (const s of sentences) expect(release.text).toContain(s);
  });

  it('keeps the paragraphs clean (no bullets, no date lines) and mentions CYDEF 2019', () => {
    expect(release.paragraphs).toHaveLength(6);
    expect(release.paragraphs.some((p) => /•|Mis à jour/.test(p))).toBe(false);
    expect(release.text).toContain('CYDEF 2019');
  });
});
