import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../archive/api/types.js';
import { ArchiveService } from '../../archive/service.js';
import { indexedService } from '../support/archive-fixture.js';
import { chSample, projectRoot, seedFolder } from '../support/fixtures.js';

let service: ArchiveService;
let dataDir: string;
let briefing: Briefing;
const dir = mkdtempSync(join(tmpdir(), 'liaison-briefing-'));

/** The text of a PDF, page by page, as pdftotext reads it. */
function pdfPages(bytes: Buffer): string[] {
  const file = join(dir, `b-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
}
const pdfInfo = (bytes: Buffer): string => {
  const file = join(dir, `i-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
};

beforeAll(async () => {
  ({ service, dataDir } = await indexedService([chSample, seedFolder]));
  const b = await service.saveBriefing({ briefing: { title: 'Japan and its neighbours', marking: 'NATO UNCLASSIFIED', preparedFor: 'Director, Asia', preparedBy: 'Japan desk', query: 'Japan', language: 'en' } });
  const seed = (await service.search({ query: 'cyberdéfense Japon', limit: 1 })).hits[0]!.id;
  const japan = (await service.search({ query: 'Japan OR Korea OR China', groupTranslations: true, limit: 20, sort: '-date' })).hits.map((h) => h.id).filter((id) => id !== seed);
  briefing = await service.addToBriefing({ id: b.id, releaseIds: [seed, ...japan.slice(0, 9)] });
}, 120_000);

describe('briefings', () => {
  it('keeps a named set of releases across a restart, with an edited summary marked as such', async () => {
    expect(briefing.items.length).toBe(10);
    const edited = await service.saveBriefing({ briefing: { ...briefing, items: briefing.items.map((item, i) => (i === 1 ? { ...item, summary: 'Written by hand for the director.' } : item)) } });
    const again = await ArchiveService.open({ dataDir });
    expect(await again.listBriefings()).toEqual([expect.objectContaining({ id: briefing.id, title: 'Japan and its neighbours', releases: 10 })]);
    const { document, html } = await again.briefingDocument({ id: briefing.id });
    expect(document.entries[1]).toMatchObject({ summary: 'Written by hand for the director.', summaryEdited: true });
    expect(html).toContain('summary edited by hand');
    // Liaison's own summaries: three to five sentences of the release, the lead first.
    for (const e of document.entries.filter((x) => !x.summaryEdited)) {
      const sentences = e.summary.split(/(?<=[.!?»”])\s+(?=[A-ZÀ-Ý«“])/).length;
      expect(sentences, e.title).toBeGreaterThanOrEqual(1);
      expect(sentences, e.title).toBeLessThanOrEqual(6);
    }
    // The overview counts the countries its releases are about, most first.
    expect(document.countries.map((c) => c.releases)).toEqual([...document.countries.map((c) => c.releases)].sort((a, b) => b - a));
    expect(document.countries.map((c) => c.code)).toContain('JP');
    briefing = edited;
  });

  it('prints to PDF in Chromium: the marking on every page, every title and date, the quotes with their speakers, page N of M', async () => {
    const file = await service.exportBriefing({ id: briefing.id, format: 'pdf', paper: 'a4' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(file).toMatchObject({ fileName: 'Japan-and-its-neighbours.pdf', mimeType: 'application/pdf' });
    const pages = pdfPages(bytes);
    const text = pages.join('\n').replace(/\s+/g, ' ');
    const total = pages.length;
    expect(pdfInfo(bytes)).toMatch(new RegExp(`Pages:\\s+${total}\\b`));
    expect(pdfInfo(bytes)).toMatch(/Page size:\s+59\d(?:\.\d+)? x 84\d(?:\.\d+)? pts \(A4\)/);
    pages.forEach((page, i) => {
      expect(page.match(/NATO UNCLASSIFIED/g)?.length, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(page, `page ${i + 1}`).toMatch(new RegExp(`page ${i + 1} of ${total}`));
    });
    const { document } = await service.briefingDocument({ id: briefing.id });
    for (const e of document.entries) {
      // Titles and dates may wrap in the layout: compare on words.
      for (const word of e.title.split(/\s+/).filter((w) => w.length > 3).slice(0, 6)) expect(text, e.title).toContain(word);
      expect(text).toContain(new Date(`${e.published}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
    }
    expect(text).toMatch(/— Christian Liflander, chef de la Section Cyberdéfense/);
    expect(text).toMatch(/— Kyosuke Matsumoto/);
    expect(text).toContain('Written by hand for the director.');
    mkdirSync(join(projectRoot, 'test-output'), { recursive: true });
    writeFileSync(join(projectRoot, 'test-output', 'briefing-a4.pdf'), bytes);

    // On Letter paper: letter-sized pages, no fewer of them than A4 (a shorter page).
    const letter = Buffer.from((await service.exportBriefing({ id: briefing.id, format: 'pdf', paper: 'letter' })).base64, 'base64');
    expect(pdfInfo(letter)).toMatch(/Page size:\s+612(?:\.\d+)? x 792(?:\.\d+)? pts \(letter\)/);
    const letterPages = pdfPages(letter);
    expect(letterPages.length).toBeGreaterThanOrEqual(total);
    expect(letterPages.at(-1)).toMatch(new RegExp(`page ${letterPages.length} of ${letterPages.length}`));
  });

  it('writes a Word document with the same headings, and Markdown', async () => {
    const docx = Buffer.from((await service.exportBriefing({ id: briefing.id, format: 'docx' })).base64, 'base64');
    const html = (await mammoth.convertToHtml({ buffer: docx })).value;
    const headings = [...html.matchAll(/<h[12][^>]*>(.*?)<\/h[12]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(headings).toEqual(expect.arrayContaining(['Overview', 'Chronology', 'The releases', 'Sources']));
    const { document } = await service.briefingDocument({ id: briefing.id });
    expect(headings.filter((h) => /^\d+\. /.test(h)).length).toBe(document.entries.length);
    const md = Buffer.from((await service.exportBriefing({ id: briefing.id, format: 'md' })).base64, 'base64').toString('utf8');
    expect(md).toMatch(/^\*\*NATO UNCLASSIFIED\*\*\n\n# Japan and its neighbours\n/);
    expect(md).toContain('## Chronology');
    expect(md).toMatch(/> “.+” — \*\*Christian Liflander\*\*/);
  });

  it('reads French throughout in a French briefing', async () => {
    const fr = await service.saveBriefing({ briefing: { ...briefing, id: undefined, title: 'Le Japon et ses voisins', language: 'fr' } });
    const md = Buffer.from((await service.exportBriefing({ id: fr.id, format: 'md' })).base64, 'base64').toString('utf8');
    expect(md).toContain('## Chronologie');
    expect(md).toContain('## Sources');
    expect(md).toMatch(/- \*\*Période couverte:\*\* \d{1,2} \p{L}+ \d{4} – /u);
    expect(md).not.toMatch(/\b(?:Chronology|Overview|Prepared for|page \d+ of)\b/);
  });

  it('refuses what is not a briefing, and says when a release has left the archive', async () => {
    await expect(service.getBriefing({ id: 'b-000000000000' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.saveBriefing({ briefing: { title: '' } })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(service.saveBriefing({ briefing: { title: 'x', date: '2020-02-31' } })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(service.exportBriefing({ id: briefing.id, format: 'exe' as 'pdf' })).rejects.toMatchObject({ code: 'bad-request' });
    const gone = await service.saveBriefing({ briefing: { title: 'With a gone release', items: [{ releaseId: 'ffffffffffffffffffff', summary: null }] } });
    const { document, html } = await service.briefingDocument({ id: gone.id });
    expect(document.entries[0]).toMatchObject({ missing: true });
    expect(html).toContain('no longer in the archive');
  });
});
