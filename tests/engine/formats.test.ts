import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../archive/ingest/decode.js';
import { readRelease } from '../../archive/ingest/read.js';
import { readTextLayout } from '../../archive/ingest/text-layout.js';
import { makeDocx, makePdf, type ReleaseText } from '../../archive/cli/bench-documents.js';
import { chSample, normaliseSpace, seedFile } from '../support/fixtures.js';

/** Real release text from the samples, to be written out as PDF and Word files. */
function sampleRelease(path: string): ReleaseText & { published: string } {
  const layout = readTextLayout(decodeText(readFileSync(path)).text);
  return {
    title: layout.title,
    dateLine: path.includes('/fr/') || path.endsWith('.fr.txt') ? `Berne, ${layout.published!.split('-').reverse().join('.')} -` : `Bern, ${layout.published!.split('-').reverse().join('.')} -`,
    paragraphs: layout.paragraphs.slice(0, 5),
    published: layout.published!,
  };
}

const samples = [seedFile, join(chSample, 'en/2006/2006-03-27-4304.txt'), join(chSample, 'fr/2018/2018-06-12-71104.txt')];

describe('PDF and Word files made from the samples\' real text', () => {
  for (const path of samples) {
    const source = sampleRelease(path);

    it(`PDF: ${source.title.slice(0, 50)}…`, async () => {
      const bytes = await makePdf(source);
      const release = await readRelease('release.pdf', bytes, { size: bytes.length, mtimeMs: 0 });
      expect(release.format).toBe('pdf');
      expect(normaliseSpace(release.title)).toBe(normaliseSpace(source.title));
      expect(release.published).toBe(source.published);
      const body = normaliseSpace(release.paragraphs.join(' '));
      for (const p of source.paragraphs) expect(body).toContain(normaliseSpace(p).slice(0, 120));
    });

    it(`Word: ${source.title.slice(0, 50)}…`, async () => {
      const bytes = await makeDocx(source);
      const release = await readRelease('release.docx', bytes, { size: bytes.length, mtimeMs: 0 });
      expect(release.format).toBe('docx');
      expect(release.title).toBe(source.title);
      expect(release.published).toBe(source.published);
      expect(release.paragraphs).toEqual(source.paragraphs);
    });
  }

  it('finds the seed\'s partner and quotes in its PDF as in its text', async () => {
    const source = sampleRelease(seedFile);
    const bytes = await makePdf(source);
    const release = await readRelease('seed.pdf', bytes, { size: bytes.length, mtimeMs: 0 });
    expect(release.language).toBe('fr');
    expect(release.countries[0]).toMatchObject({ code: 'JP', about: true });
    expect(release.quotes.map((q) => q.speaker)).toEqual(['Christian Liflander', 'Kyosuke Matsumoto']);
  });
});
