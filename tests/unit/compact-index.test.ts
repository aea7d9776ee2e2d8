import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PartnerCountry } from '../../archive/api/types.js';
import { foldKeepLength } from '../../archive/enrich/fold.js';
import { countriesFromText, countriesToText, idsFromText } from '../../archive/search/country-text.js';
import { homeTest } from '../../archive/search/home.js';
import { groupPairs, orderHits, pageOrder } from '../../archive/search/order.js';
import { MemoryPostings, PostingsReader } from '../../archive/search/postings.js';
import { Scored } from '../../archive/search/sets.js';
import { TermIndex } from '../../archive/search/term-index.js';
import { linkShapeOf } from '../../archive/search/translations.js';
import { decodeLine, encodeLine } from '../../archive/store/release-line.js';
import { makeRelease } from '../support/make-release.js';

// What opening a large archive and answering its first page rest on: the compact line each
// stored release is kept as, its countries as text, picking a page without sorting every hit, and
// folding plain text natively.

const country = (code: string, aboutBecause: PartnerCountry['aboutBecause'] = []): PartnerCountry => ({ code, name: code, about: aboutBecause.length > 0, aboutBecause, home: false, evidence: [] });

describe('a stored release line', () => {
  const release = makeRelease({
    title: 'Switzerland and Japan sign a trade agreement',
    body: 'Berne, 2 July 2011 – Federal Councillor Doris Leuthard met the Japanese minister in Tokyo. The 2011 agreement covers 1,200 tariff lines.',
    language: 'en',
    published: '2011-07-02',
    countries: [country('JP', ['title', 'agreement']), country('CH', ['title']), country('CN')],
  });
  const full = { ...release, origin: { host: 'www.admin.ch', country: 'CH', datelineCountry: 'CH' }, translations: ['abc'], sourceUrl: 'https://www.admin.ch/x' };
  const link = linkShapeOf(full);
  const line = encodeLine({ no: 7, release: full, titleTerms: ' switzerland and japan ', titleLength: 7, length: 30, link }, [120, 3456]);

  it('gives back every field search keeps, and the countries as text', () => {
    const back = decodeLine(line);
    expect(back.no).toBe(7);
    expect(back.shape).toMatchObject({ titleTerms: ' switzerland and japan ', titleLength: 7, length: 30, stored: [120, 3456] });
    const { text: _t, paragraphs: _p, countries: _c, quotes: _q, summary: _s, organisations: _o, ...kept } = full;
    expect(back.release).toMatchObject(kept);
    expect(back.release.text).toBe('');
    expect(back.countries).toBe('JP title,agreement|CH title|CN');
  });

  it('keeps the translation features, decoded when linking reads them', () => {
    const back = decodeLine(line).shape.link;
    expect(link.features.length).toBeGreaterThan(0);
    expect(Array.from(back.features)).toEqual(Array.from(link.features));
    expect(back.named).toEqual(link.named);
    expect(back.textLength).toBe(link.textLength);
  });

  it('refuses a line of another shape', () => {
    expect(() => decodeLine(JSON.stringify({ no: 1, release: {} }))).toThrow(/wrong shape/);
  });
});

describe('countries as text', () => {
  const origin = { host: 'www.admin.ch', country: 'CH', datelineCountry: null };

  it('round-trips codes and reasons, and the publisher is home, never a subject', () => {
    const text = countriesToText([country('JP', ['title', 'lead']), country('CH', ['title']), country('FR')]);
    const back = countriesFromText(text, origin, new Set());
    expect(back.map((c) => [c.code, c.about, c.home, c.aboutBecause])).toEqual([
      ['JP', true, false, ['title', 'lead']],
      ['CH', false, true, ['title']],
      ['FR', false, false, []],
    ]);
    expect(back[0]!.name).toBe('Japan');
  });

  it('gives the same facet numbers as the objects would', () => {
    const text = 'JP title|CH title|US agreement|FR';
    const ids = new Map<string, number>();
    const id = (code: string): number => ids.get(code) ?? ids.set(code, ids.size).get(code)!;
    const noOrigin = { host: null, country: null, datelineCountry: null };
    const { mentioned, about } = idsFromText(text, homeTest(noOrigin, new Set(['US'])), id);
    expect([...mentioned].map((n) => [...ids.keys()][n])).toEqual(['JP', 'CH', 'US', 'FR']);
    // No publisher stated: the archive's home (US) is not a subject; CH, named in the title, is.
    expect([...about].map((n) => [...ids.keys()][n])).toEqual(['JP', 'CH']);
    expect(countriesFromText(text, noOrigin, new Set(['US'])).filter((c) => c.about).map((c) => c.code)).toEqual(['JP', 'CH']);
  });

  it('is empty for a release naming none', () => {
    expect(countriesToText([])).toBe('');
    expect(countriesFromText('', origin, new Set())).toEqual([]);
  });
});

describe('a page of hits without sorting them all', () => {
  /** Hits with scores (ties included), ranks by date, and pairs of versions. */
  const caseArb = fc
    .record({
      size: fc.integer({ min: 1, max: 400 }),
      scores: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 400, maxLength: 400 }),
      ranks: fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 401, maxLength: 401 }),
      pairs: fc.uniqueArray(fc.integer({ min: 1, max: 199 }), { maxLength: 60 }),
      want: fc.integer({ min: 1, max: 60 }),
      sort: fc.constantFrom('relevance' as const, 'date' as const, '-date' as const),
      undated: fc.integer({ min: 0, max: 400 }),
    })
    .map((c) => {
      const nos = Int32Array.from({ length: c.size }, (_, i) => i + 1);
      const hits = new Scored(nos, Float64Array.from(nos, (no) => c.scores[no - 1]! / 2), c.size);
      const rank = Int32Array.from(c.ranks);
      const versions = new Map<number, number[]>();
      // Release 2k-1 and 2k are versions of each other where k is drawn.
      for (const k of c.pairs) {
        versions.set(2 * k - 1, [2 * k]);
        versions.set(2 * k, [2 * k - 1]);
      }
      return { ...c, hits, rank, versions };
    });

  it('gives the first `want` of the full order, the same total, pairs counted once', () => {
    fc.assert(
      fc.property(caseArb, ({ hits, rank, versions, want, sort, undated }) => {
        const isUndated = (no: number): boolean => no % 7 === undated % 7;
        const full = orderHits(hits, sort, rank, isUndated);
        expect(orderHits(hits, sort, rank, isUndated, want)).toEqual(full.slice(0, want));
        const entry = (no: number) => ({ published: isUndated(no) ? '' : '2020-01-01', versions: versions.get(no) ?? [], release: { id: `r${no}`, translations: (versions.get(no) ?? []).map((v) => `r${v}`) } as never });
        const grouped = groupPairs(full, (no) => entry(no).release);
        expect(pageOrder(hits, sort, rank, want, true, entry)).toEqual({ ordered: grouped.slice(0, want), total: grouped.length });
        expect(pageOrder(hits, sort, rank, want, false, entry)).toEqual({ ordered: full.slice(0, want), total: full.length });
      }),
      { numRuns: 300 },
    );
  });
});

describe('folding that keeps offsets', () => {
  it('folds plain text and accented text alike, unit for unit', () => {
    expect(foldKeepLength('NATO Summit')).toBe('nato summit');
    expect(foldKeepLength('Élysée – Genève’s')).toBe("elysee – geneve's");
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('A', 'z', ' ', 'É', 'é', 'ç', 'Ö', '’', '1', '\n', 'ß') }), (s) => {
        const folded = foldKeepLength(s);
        expect(folded.length).toBe(s.length);
        // The same as folding each character on its own: plain text is not folded otherwise.
        expect(folded).toBe([...s].map((c) => foldKeepLength(`é${c}`).slice(1)).join(''));
      }),
    );
  });
});

describe('postings read in two parts', () => {
  const WORDS = ['a', 'b', 'c', 'd'];
  /** Releases as sequences of terms: a title, the empty slot, a body. */
  const releasesArb = fc.array(
    fc.record({ title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), body: fc.array(fc.constantFrom(...WORDS), { maxLength: 20 }) }),
    { minLength: 1, maxLength: 30 },
  );

  it('count, in the title and in order, what brute force finds, and match phrases the same', () => {
    fc.assert(
      fc.property(releasesArb, fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }), (releases, phrase) => {
        const sequences = releases.map((r) => [...r.title, '', ...r.body]);
        const shapes = [{ titleLength: 0, length: 0 }, ...releases.map((r, i) => ({ titleLength: r.title.length, length: sequences[i]!.length }))];
        const index = new TermIndex((no) => shapes[no], () => releases.length);
        // Half the releases in a stored segment (copied in two parts), the rest added after.
        const stored = new MemoryPostings();
        const half = Math.ceil(releases.length / 2);
        sequences.slice(0, half).forEach((seq, i) => stored.add(i + 1, seq));
        index.attach({ df: (t) => stored.df(t), postings: (t) => stored.get(t), termsStartingWith: () => [], termCount: WORDS.length, close: () => undefined }, half, sequences.slice(0, half).reduce((n, s) => n + s.length, 0));
        sequences.slice(half).forEach((seq, i) => index.add(half + i + 1, seq));
        for (const term of WORDS) {
          const reader = new PostingsReader(stored.get(term) ?? new Uint8Array(0));
          for (let p = reader.nextCounts(); p; p = reader.nextCounts()) {
            const seq = sequences[p.no - 1]!;
            expect(p.count).toBe(seq.filter((t) => t === term).length);
            expect(p.inTitle).toBe(releases[p.no - 1]!.title.filter((t) => t === term).length);
          }
          const inTitle = [...index.lookup(term, 'title')].map(([no]) => no);
          expect(inTitle).toEqual(releases.flatMap((r, i) => (r.title.includes(term) ? [i + 1] : [])));
        }
        const holds = (seq: string[]): boolean => seq.some((_, at) => phrase.every((w, k) => seq[at + k] === w));
        const found = [...index.phrase(phrase.map((w) => [w]), 'all')].map(([no]) => no);
        expect(found).toEqual(sequences.flatMap((seq, i) => (holds(seq) ? [i + 1] : [])));
      }),
      { numRuns: 200 },
    );
  });
});
