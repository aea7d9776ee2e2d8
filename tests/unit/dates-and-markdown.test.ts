import { describe, expect, it } from 'vitest';
import { chooseReleaseDate } from '../../archive/enrich/dates.js';
import { parseHtml } from '../../archive/ingest/html.js';
import { parseMarkdown, stripEmphasisMarks } from '../../archive/ingest/markdown.js';
import { readTextLayout } from '../../archive/ingest/text-layout.js';

describe('which date is the release’s', () => {
  it.each<[string, Parameters<typeof chooseReleaseDate>[0], string | null]>([
    ['the dateline wins over the metadata', [{ date: '1999-12-31', source: 'metadata' }, { date: '2011-07-02', source: 'dateline' }], '2011-07-02'],
    ['the dateline wins over the header', [{ date: '2011-07-04', source: 'header' }, { date: '2011-07-02', source: 'dateline' }], '2011-07-02'],
    ['an event in the opening does not beat the metadata', [{ date: '2006-06-01', source: 'opening' }, { date: '2007-05-30', source: 'metadata' }], '2007-05-30'],
    ['a date before 1990 from the opening is not believed', [{ date: '1985-01-01', source: 'opening' }, { date: '2003-02-01', source: 'updated' }], '2003-02-01'],
    ['a date before 1990 from the dateline is', [{ date: '1985-03-12', source: 'dateline' }], '1985-03-12'],
    ['a future date from the opening is not believed', [{ date: '2099-01-01', source: 'opening' }], null],
    ['no date at all', [], null],
  ])('%s', (_name, candidates, expected) => {
    expect(chooseReleaseDate(candidates, '2026-11-29')).toBe(expected);
  });

  it('reads “Bern, 02.07.2011 - …” as the dateline, and keeps the lead that follows it', () => {
    const layout = readTextLayout('Titre du communiqué\n\nBern, 02.07.2011 - Le Conseil fédéral a décidé.\n\nSuite.');
    expect(layout).toMatchObject({ published: '2011-07-02', place: 'Bern', paragraphs: ['Le Conseil fédéral a décidé.', 'Suite.'] });
  });

  it('prefers a saved page’s dateline to a wrong date in its metadata', () => {
    const html = '<html><head><meta name="date" content="1999-12-31"></head><body><main><h1>Titre</h1><p>Berne, 30.05.2007 - Le Conseil fédéral a décidé de renforcer la coopération avec ses partenaires.</p><p>Suite du texte, assez longue pour la lecture.</p></main></body></html>';
    expect(parseHtml(html, 'utf-8').published).toBe('2007-05-30');
  });
});

describe('Markdown exports', () => {
  it.each([
    ['making good on a promise** President Trump made', 'making good on a promise President Trump made'],
    ['**The Administration has taken', 'The Administration has taken'],
    ['funds*.*', 'funds.'],
    ['* *The American Rescue Plan', 'The American Rescue Plan'],
    ['3*4 = 12', '3*4 = 12'],
  ])('drops stray emphasis marks: %s', (raw, clean) => {
    expect(stripEmphasisMarks(raw)).toBe(clean);
  });

  it('reads lists and paragraphs indented as code as Markdown, without raw links or asterisks', () => {
    const md = '---\ntitle: A fact sheet\ndate: 2025-08-01\n---\n\nIntroduction.\n\n    - On July 3, [*The New York Times* reported](https://example.org) the figures.\n    - a\\. **Project selection:** the participants choose.\n';
    const doc = parseMarkdown(md, 'utf-8');
    expect(doc.paragraphs).toEqual(['Introduction.', 'On July 3, The New York Times reported the figures.', 'a. Project selection: the participants choose.']);
  });
});
