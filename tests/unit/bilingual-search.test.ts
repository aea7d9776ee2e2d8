import { describe, expect, it } from 'vitest';
import { readRelease } from '../../archive/ingest/read.js';
import { highlightRanges } from '../../archive/search/highlights.js';
import { parseQuery } from '../../archive/search/query.js';
import { ReleaseIndex } from '../../archive/search/release-index.js';

/** A small archive of made-up releases in English and French, read as text files are. */
const texts: Record<string, string> = {
  'coree.txt': 'La Suisse et la Corée du Sud\n\n  • 12 mai 2023\n\nBerne - La Suisse et la Corée du Sud renforcent leur coopération. La Corée est un partenaire important.',
  'core.txt': 'Core values of the alliance\n\n  • 12 May 2023\n\nWashington - The core of our work is security. Our core partners met today.',
  'inde.txt': 'Visite en Inde\n\n  • 3 juin 2023\n\nBerne - Le conseiller fédéral s’est rendu en Inde. L’Inde est un partenaire.',
  'index.txt': 'Publication de l’index des prix\n\n  • 3 juin 2023\n\nBerne - L’index des prix à la consommation a été publié. Cet index augmente.',
  'index-en.txt': 'Consumer price index published\n\n  • 3 June 2023\n\nWashington - The index rose. The index is published monthly.',
  'chine.txt': 'Dialogue avec la Chine\n\n  • 9 mars 2021\n\nBerne - La Suisse et la Chine ont tenu un dialogue financier. La Chine a proposé de poursuivre.',
  'porcelaine.txt': 'Exposition de porcelaine\n\n  • 9 mars 2021\n\nBerne - Le musée présente de la porcelaine de chine et du papier de chine anciens.',
  'turquie.txt': 'Accord avec la Turquie\n\n  • 1 avril 2022\n\nBerne - La Suisse et la Turquie ont signé un accord. La Turquie et la Suisse coopèrent.',
  'turkey-bird.txt': 'Thanksgiving turkey pardon\n\n  • 24 November 2022\n\nWashington - The President pardoned a turkey at the White House. The turkey was named Chocolate.',
  'japan.txt': 'United States and Japan statement\n\n  • 13 January 2023\n\nWashington - The United States and Japan issued a joint statement. Japan will increase defence spending.',
  'japon.txt': 'La Suisse et le Japon\n\n  • 13 janvier 2023\n\nBerne - Les relations avec le Japon sont excellentes. Le Japon et la Suisse coopèrent.',
  'pakistan.txt': 'Aid for Pakistan\n\n  • 2 September 2022\n\nWashington - Aid reaches the Islamic Republic of Pakistan after floods. The people of Pakistan and of the region need help.',
  'zelensky.txt': 'Call with Zelenskyy\n\n  • 2 March 2022\n\nWashington - The President spoke with President Zelenskyy of Ukraine.',
  'zelenskiy.txt': 'Appel avec M. Zelenskiy\n\n  • 2 mars 2022\n\nBerne - Le président de la Confédération a parlé avec Volodymyr Zelenskiy.',
};

async function archive(): Promise<{ index: ReleaseIndex; pathOf: Map<string, string> }> {
  const index = new ReleaseIndex();
  const pathOf = new Map<string, string>();
  for (const [name, text] of Object.entries(texts)) {
    const release = await readRelease(`/made-up/${name}`, new TextEncoder().encode(text), { size: text.length, mtimeMs: 1 });
    index.add(release);
    pathOf.set(release.id, name);
  }
  index.setHomeCountries(['CH', 'US']);
  return { index, pathOf };
}

describe('bilingual words that do not collide', async () => {
  const { index, pathOf } = await archive();
  const found = (q: string): string[] => index.search({ query: q, limit: 50 }, parseQuery(q)).hits.map((h) => pathOf.get(h.id)!).sort();

  it.each([
    ['Corée', ['coree.txt']],
    ['Korea', ['coree.txt']],
    ['core', ['core.txt']],
    ['Inde', ['inde.txt']],
    ['India', ['inde.txt']],
    ['index', ['index-en.txt', 'index.txt']],
    ['Chine', ['chine.txt']],
    ['China', ['chine.txt']],
    ['Turquie', ['turquie.txt']],
    ['Turkey', ['turquie.txt']],
    ['Japon', ['japan.txt', 'japon.txt']],
    ['Japan', ['japan.txt', 'japon.txt']],
    ['japonais', ['japan.txt', 'japon.txt']],
  ])('%s finds %j', (query, expected) => {
    expect(found(query)).toEqual(expected);
  });

  it('finds Switzerland by its names (it is a home country: found, though never “about”)', () => {
    expect(found('Suisse')).toEqual(found('Switzerland'));
    expect(found('Suisse')).toEqual(['chine.txt', 'coree.txt', 'japon.txt', 'turquie.txt']);
  });

  it('highlights a country’s name as one, not its filler words', () => {
    const hit = index.search({ query: 'Pakistan', limit: 1 }, parseQuery('Pakistan')).hits[0]!;
    const release = index.get(hit.id)!.release;
    const words = highlightRanges(release, index.marksOf(parseQuery('Pakistan'))).map(([s, e]) => release.text.slice(s, e));
    expect(words).toEqual(['Pakistan', 'Islamic Republic of Pakistan', 'Pakistan']);
  });

  it('offers the other spellings of a name, with their counts', () => {
    const outcome = index.search({ query: 'Zelensky', limit: 5 }, parseQuery('Zelensky'));
    const result = { total: outcome.total, query: { suggestions: outcome.suggestions } };
    expect(result.total).toBe(0);
    expect(result.query.suggestions).toEqual(expect.arrayContaining([{ word: 'Zelensky', term: 'zelenskyy', releases: 1 }, { word: 'Zelensky', term: 'zelenskiy', releases: 1 }]));
  });
});
