import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchRequest } from '../../archive/api/types.js';
import type { ArchiveService } from '../../archive/service.js';
import { indexedSamples } from '../support/archive-fixture.js';
import { chSample, normaliseSpace, readTruth, seedFile, whSample } from '../support/fixtures.js';

let service: ArchiveService;
beforeAll(async () => {
  ({ service } = await indexedSamples());
}, 180_000);

const total = async (req: Partial<SearchRequest> & { query: string }): Promise<number> => (await service.search({ limit: 0, ...req })).total;

describe('search over the samples', () => {
  it('indexes every release of both samples and the seed, and lists the other files as unreadable', async () => {
    const status = await service.status();
    expect(status.documents).toBe(232 + 300 + 1);
    const failures = await service.failures();
    expect(failures.map((f) => [f.path.split('/').pop(), f.code])).toEqual([
      ['truth.tsv', 'unsupported-format'],
      ['LICENSE', 'unsupported-format'],
      ['truth.tsv', 'unsupported-format'],
    ]);
  });

  it('finds each release by its exact title at rank 1 for ≥ 98 % of releases', async () => {
    const releases = [
      ...readTruth(join(chSample, 'truth.tsv')).map((t) => ({ path: join(chSample, t['path']!), title: t['title']! })),
      ...readTruth(join(whSample, 'truth.tsv')).map((t) => ({ path: join(whSample, t['path']!), title: t['title']! })),
    ];
    // Several briefings share one title: the query cannot tell them apart, so any of them first,
    // with the others right after, is the right answer.
    const sameTitle = new Map<string, number>();
    for (const r of releases) sameTitle.set(normaliseSpace(r.title), (sameTitle.get(normaliseSpace(r.title)) ?? 0) + 1);
    let first = 0;
    const misses: string[] = [];
    for (const r of releases) {
      const title = normaliseSpace(r.title);
      const result = await service.search({ query: title, limit: sameTitle.get(title)! });
      if (normaliseSpace(result.hits[0]?.title ?? '') === title && result.hits.some((h) => h.path === r.path)) first++;
      else misses.push(r.title);
    }
    expect(first / releases.length, misses.slice(0, 5).join(' | ')).toBeGreaterThanOrEqual(0.98);
  });

  it('folds accents: Etats-Unis and États-Unis give the same total', async () => {
    const a = await total({ query: 'Etats-Unis' });
    expect(a).toBeGreaterThan(10);
    expect(await total({ query: 'États-Unis' })).toBe(a);
    expect(await total({ query: 'ETATS-UNIS' })).toBe(a);
  });

  it('brings défense, defense and défenses together', async () => {
    const a = await total({ query: 'défense', languages: ['fr'] });
    expect(a).toBeGreaterThan(10);
    expect(await total({ query: 'defense', languages: ['fr'] })).toBe(a);
    expect(await total({ query: 'défenses', languages: ['fr'] })).toBe(a);
  });

  it('finds the seed by cyberdéfense Japon, by cyberdefense, and by Japan in French releases', async () => {
    for (const req of [{ query: 'cyberdéfense Japon' }, { query: 'cyberdefense' }, { query: 'Japan', languages: ['fr'] }]) {
      const result = await service.search({ ...req, limit: 50 });
      expect(result.hits.map((h) => h.path), JSON.stringify(req)).toContain(seedFile);
    }
    const japan = await service.search({ query: 'Japan', languages: ['fr'], limit: 0 });
    expect(japan.query.expansions[0]).toMatchObject({ term: 'Japan' });
    expect(japan.query.expansions[0]!.added).toEqual(expect.arrayContaining(['Japon', 'japonais']));
  });

  it('gives country facet counts equal to the releases tagged with that country under the same filters', async () => {
    for (const base of [{ query: 'cooperation' }, { query: '', languages: ['fr'] }, { query: 'sanctions', from: '2014-01-01' }]) {
      const result = await service.search({ ...base, limit: 0 });
      const top = Object.entries(result.facets.countries).sort((a, b) => b[1] - a[1]).slice(0, 6);
      expect(top.length).toBeGreaterThan(0);
      for (const [code, count] of top) expect(await total({ ...base, countries: [code] }), `${JSON.stringify(base)} ${code}`).toBe(count);
      for (const [lang, count] of Object.entries(result.facets.languages)) expect(await total({ ...base, languages: [lang] })).toBe(count);
    }
  });

  it('combines filters: every hit passes every filter, and nothing that passes is left out', async () => {
    const req = { query: 'Ukraine', countries: ['UA', 'RU'], from: '2022-01-01', to: '2024-12-31', languages: ['en'], limit: 500 };
    const result = await service.search(req);
    expect(result.total).toBeGreaterThan(0);
    for (const h of result.hits) {
      expect(h.aboutCountries.some((c) => c === 'UA' || c === 'RU')).toBe(true);
      expect(h.published! >= '2022-01-01' && h.published! <= '2024-12-31').toBe(true);
      expect(h.language).toBe('en');
    }
    const wider = await service.search({ query: 'Ukraine', limit: 1000 });
    const inRange = wider.hits.filter((h) => h.language === 'en' && h.published! >= '2022-01-01' && h.published! <= '2024-12-31');
    expect(result.total).toBe(inRange.filter((h) => h.aboutCountries.some((c) => c === 'UA' || c === 'RU')).length);
    // With the switch, every release that mentions either country.
    const mentioned = await service.search({ ...req, mentioned: true });
    expect(mentioned.total).toBe(inRange.filter((h) => h.countries.some((c) => c === 'UA' || c === 'RU')).length);
    expect(mentioned.total).toBeGreaterThan(result.total);
  });

  it('reads phrases, exclusions, OR, prefixes and title:', async () => {
    const phrase = await service.search({ query: '"State Partnership Program"', limit: 50 });
    expect(phrase.total).toBeGreaterThan(0);
    for (const h of phrase.hits) expect((await service.getRelease({ id: h.id })).text).toMatch(/State Partnership Program/i);

    const ukraine = await total({ query: 'Ukraine' });
    const withoutRussia = await total({ query: 'Ukraine -Russia' });
    expect(withoutRussia).toBeGreaterThan(0);
    expect(withoutRussia).toBeLessThan(ukraine);
    for (const h of (await service.search({ query: 'Ukraine -Russia', limit: 200 })).hits) expect((await service.getRelease({ id: h.id })).text).not.toMatch(/\bRussia\b/);

    const either = await total({ query: 'Belarus OR Moldova' });
    expect(either).toBeGreaterThanOrEqual(Math.max(await total({ query: 'Belarus' }), await total({ query: 'Moldova' })));
    expect(either).toBeLessThanOrEqual((await total({ query: 'Belarus' })) + (await total({ query: 'Moldova' })));

    expect(await total({ query: 'cyber*' })).toBeGreaterThanOrEqual(await total({ query: 'cyber' }));
    const inTitle = await service.search({ query: 'title:Ukraine', limit: 200 });
    expect(inTitle.total).toBeGreaterThan(0);
    for (const h of inTitle.hits) expect(h.title).toMatch(/Ukrain/i);
  });

  it('says what is wrong with a malformed query instead of failing', async () => {
    const result = await service.search({ query: '"cyber defence', limit: 5 });
    expect(result.query.notices[0]).toMatch(/quote/i);
    await expect(service.search({ query: 'x', from: '2020-13-45' })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(service.search({ query: 'x', from: '2021-01-01', to: '2020-01-01' })).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('returns snippets with highlight ranges on the query words', async () => {
    const result = await service.search({ query: 'cyberdéfense', limit: 5 });
    expect(result.hits.length).toBeGreaterThan(0);
    for (const h of result.hits) {
      expect(h.snippet.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of h.snippet.highlights) expect(h.snippet.text.slice(s, e).toLowerCase()).toMatch(/^cyberd[ée]fense/);
    }
  });

  it('sorts by date both ways and pages', async () => {
    const newest = await service.search({ query: 'Switzerland', sort: '-date', limit: 30 });
    const dates = newest.hits.map((h) => h.published!);
    expect([...dates].sort().reverse()).toEqual(dates);
    const oldest = await service.search({ query: 'Switzerland', sort: 'date', limit: 30 });
    expect([...oldest.hits.map((h) => h.published!)].sort()).toEqual(oldest.hits.map((h) => h.published!));
    const page2 = await service.search({ query: 'Switzerland', sort: '-date', limit: 10, offset: 10 });
    expect(page2.hits.map((h) => h.id)).toEqual(newest.hits.slice(10, 20).map((h) => h.id));
  });

  it('links English and French versions of the same release, and can show a pair as one hit', async () => {
    const truth = readTruth(join(chSample, 'truth.tsv')).filter((t) => t['pair']);
    let linked = 0;
    for (const t of truth) {
      const hit = (await service.search({ query: normaliseSpace(t['title']!), limit: 1 })).hits[0];
      for (const x of hit?.translations ?? []) if ((await service.getRelease({ id: x.id })).path === join(chSample, t['pair']!)) linked++;
    }
    expect(linked / truth.length).toBeGreaterThanOrEqual(0.9);
    const all = await total({ query: 'Ukraine' });
    const grouped = (await service.search({ query: 'Ukraine', groupTranslations: true, limit: 0 })).total;
    expect(grouped).toBeLessThan(all);
    const doc = await service.getRelease({ id: (await service.search({ query: 'Federal Council in favour of participating in US State Partnership Program', limit: 1 })).hits[0]!.id });
    expect(doc.translations.length).toBe(1);
  });

  it('counts every matching release in the timeline as the facets of the same search do, a translated pair once', async () => {
    for (const base of [{ query: '' }, { query: 'Ukraine', from: '2014-01-01' }, { query: 'sanctions', mentioned: true }]) {
      const timeline = await service.timeline({ ...base, by: 'year', top: 50 });
      const search = await service.search({ ...base, groupTranslations: true, limit: 0 });
      const facets = base.mentioned ? search.facets.countriesMentioned : search.facets.countries;
      expect(timeline.lanes.length, JSON.stringify(base)).toBeGreaterThan(3);
      for (const lane of timeline.lanes) {
        expect(lane.total, `${JSON.stringify(base)} ${lane.country}`).toBe(facets[lane.country]);
        expect(lane.buckets.reduce((n, b) => n + b.count, 0)).toBe(lane.total);
      }
    }
    // A pair counts once: the lane holds fewer than the versions that mention the country.
    const ua = (await service.timeline({ lanes: ['UA'] })).lanes[0]!;
    const versions = await service.search({ query: '', countries: ['UA'], limit: 0 });
    const grouped = await service.search({ query: '', countries: ['UA'], groupTranslations: true, limit: 0 });
    expect(ua.total).toBe(grouped.total);
    expect(ua.total).toBeLessThan(versions.total);
  });

  it('highlights the query in the whole release for the reader', async () => {
    const hit = (await service.search({ query: 'cyberdéfense Japon', limit: 1 })).hits[0]!;
    const doc = await service.getRelease({ id: hit.id, query: 'cyberdéfense Japon' });
    const words = new Set(doc.highlights.map(([s, e]) => doc.text.slice(s, e).toLowerCase()));
    expect(words).toEqual(new Set(['japon', 'cyberdéfense', 'japonais']));
  });
});
