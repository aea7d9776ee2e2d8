import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PressRelease, SearchRequest } from '../../archive/api/types.js';
import { ReleaseIndex } from '../../archive/search/release-index.js';
import { parseQuery } from '../../archive/search/query.js';
import { termString, termsOfRelease } from '../../archive/search/tokens.js';
import { makeRelease } from '../support/make-release.js';

const WORDS = ['cooperation', 'security', 'defence', 'treaty', 'trade', 'visit', 'minister', 'climate', 'cyber', 'summit', 'aid', 'talks'];
const COUNTRIES = ['JP', 'KR', 'UA', 'FR', 'US'];

interface ReleaseSpec {
  title: string;
  body: string;
  language: string;
  published: string | null;
  countries: string[];
}

/** A small made-up archive: titles and bodies drawn from a few words, some countries, languages and dates. */
const archiveArb: fc.Arbitrary<ReleaseSpec[]> = fc.array(
  fc.record({
    title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
    body: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }).map((w) => w.join(' ')),
    language: fc.constantFrom('en', 'fr'),
    published: fc.option(fc.integer({ min: 2000, max: 2024 }).map((y) => `${y}-06-15`), { nil: null }),
    countries: fc.uniqueArray(fc.constantFrom(...COUNTRIES), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 40 },
);

const requestArb = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { maxLength: 2 }),
  excluded: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  countries: fc.option(fc.uniqueArray(fc.constantFrom(...COUNTRIES), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  languages: fc.option(fc.constantFrom('en', 'fr').map((l) => [l]), { nil: undefined }),
  from: fc.option(fc.constantFrom('2005-01-01', '2015-01-01'), { nil: undefined }),
});

function build(specs: ReleaseSpec[]): { index: ReleaseIndex; releases: PressRelease[] } {
  const index = new ReleaseIndex(null);
  const releases = specs.map((s) => makeRelease({ ...s, countries: s.countries.map((code) => ({ code, name: code, about: true, aboutBecause: ['title' as const], home: false, evidence: [] })) }));
  for (const r of releases) index.add(r);
  return { index, releases };
}

/** What the answer must be, worked out the slow way over every release. */
function bruteForce(releases: PressRelease[], words: string[], excluded: string | undefined, filters: SearchRequest) {
  const has = (r: PressRelease, w: string): boolean => {
    const t = termsOfRelease(r);
    return `${t.titleTerms}${t.bodyTerms}`.includes(` ${termString(w, r.language)} `);
  };
  const matching = releases.filter((r) => words.every((w) => has(r, w)) && !(excluded && has(r, excluded)));
  const passes = (r: PressRelease, skip: 'countries' | 'languages' | 'dates' | null): boolean =>
    (skip === 'countries' || !filters.countries || r.countries.some((c) => filters.countries!.includes(c.code))) &&
    (skip === 'languages' || !filters.languages || filters.languages.includes(r.language)) &&
    (skip === 'dates' || !filters.from || (r.published !== null && r.published >= filters.from));
  const countries: Record<string, number> = {};
  for (const r of matching.filter((r) => passes(r, 'countries'))) for (const c of r.countries) countries[c.code] = (countries[c.code] ?? 0) + 1;
  const languages: Record<string, number> = {};
  for (const r of matching.filter((r) => passes(r, 'languages'))) languages[r.language] = (languages[r.language] ?? 0) + 1;
  return { ids: matching.filter((r) => passes(r, null)).map((r) => r.id).sort(), countries, languages };
}

describe('the release index', () => {
  it('answers like a brute-force filter over the same releases: hits, country and language counts', () => {
    fc.assert(
      fc.property(archiveArb, requestArb, (specs, q) => {
        const { index, releases } = build(specs);
        const query = [...q.words, ...(q.excluded && !q.words.includes(q.excluded) ? [`-${q.excluded}`] : [])].join(' ');
        const request: SearchRequest = { query, countries: q.countries, languages: q.languages, from: q.from, limit: 500 };
        const outcome = index.search(request, parseQuery(query));
        const expected = bruteForce(releases, q.words, q.excluded && !q.words.includes(q.excluded) ? q.excluded : undefined, request);
        expect(outcome.hits.map((h) => h.id).sort()).toEqual(expected.ids);
        expect(outcome.total).toBe(expected.ids.length);
        expect(outcome.facets.countries).toEqual(expected.countries);
        expect(outcome.facets.languages).toEqual(expected.languages);
      }),
      { numRuns: 150 },
    );
  });

  it('forgets a removed release everywhere: hits, vocabulary and facets', () => {
    const { index, releases } = build([{ title: 'cyber summit', body: 'treaty', language: 'en', published: '2020-06-15', countries: ['JP'] }, { title: 'trade talks', body: 'treaty', language: 'fr', published: null, countries: [] }]);
    index.remove(releases[0]!.id);
    expect(index.search({ query: 'cyber' }, parseQuery('cyber')).total).toBe(0);
    expect(index.prefixTerms('cyb')).toEqual([]);
    const all = index.search({ query: 'treaty' }, parseQuery('treaty'));
    expect(all.hits.map((h) => h.id)).toEqual([releases[1]!.id]);
    expect(all.facets.countries).toEqual({});
  });

  it('gives the same answers whether its releases were added in one go or removed and added again', () => {
    const specs = Array.from({ length: 30 }, (_, i) => ({ title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`, body: WORDS.slice(0, i % 5).join(' '), language: i % 2 ? 'en' : 'fr', published: `20${String(10 + (i % 10))}-01-01`, countries: [COUNTRIES[i % 5]!] }));
    const one = build(specs).index;
    const bulk = new ReleaseIndex(null);
    const again = build(specs).releases;
    for (const r of again) bulk.add({ ...r });
    for (const r of again.slice(0, 10)) bulk.remove(r.id);
    for (const r of again.slice(0, 10)) bulk.add({ ...r });
    for (const w of WORDS) expect(bulk.search({ query: w, limit: 100 }, parseQuery(w)).total, w).toBe(one.search({ query: w, limit: 100 }, parseQuery(w)).total);
  });
});
