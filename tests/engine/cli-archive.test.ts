import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freshDir } from '../support/archive-fixture.js';
import { chSample, projectRoot, seedFolder } from '../support/fixtures.js';

const run = promisify(execFile);
const cli = (...args: string[]) => run(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), ...args], { maxBuffer: 1 << 26 });

describe('liaison index, search and doc', () => {
  it('indexes, searches with filters and shows a release as JSON', async () => {
    const data = freshDir();
    const folder = join(chSample, 'fr');
    const indexed = await cli('index', folder, seedFolder, '--data', data, '--json');
    const summary = JSON.parse(indexed.stdout);
    expect(summary).toMatchObject({ added: 151, updated: 0, removed: 0, unchanged: 0, failed: [], documents: 151 });
    expect(typeof summary.seconds).toBe('number');
    expect(indexed.stderr).toMatch(/reading/);

    const again = JSON.parse((await cli('index', folder, '--data', data, '--json')).stdout);
    expect(again).toMatchObject({ added: 0, unchanged: 151 });

    const found = JSON.parse((await cli('search', 'Japan', '--data', data, '--lang', 'fr', '--from', '2019-01-01', '--json')).stdout);
    expect(found.total).toBeGreaterThan(0);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['total', 'hits', 'facets', 'query']));
    expect(found.hits.map((h: { path: string }) => h.path)).toContain(join(seedFolder, 'nato-japan-cyberdefence-2019-10-09.fr.txt'));
    const hit = found.hits[0];
    expect(Object.keys(hit)).toEqual(expect.arrayContaining(['id', 'path', 'title', 'published', 'language', 'countries', 'score', 'snippet']));
    expect(hit.snippet).toEqual({ text: expect.any(String), highlights: expect.any(Array) });
    expect(found.facets.languages).toEqual({ fr: found.total });

    const filtered = JSON.parse((await cli('search', '', '--data', data, '--country', 'JP', '--json', '--limit', '3', '--sort', '-date')).stdout);
    expect(filtered.total).toBe(JSON.parse((await cli('search', '', '--data', data, '--json')).stdout).facets.countries.JP);

    const timeline = JSON.parse((await cli('timeline', '', '--data', data, '--country', 'JP', '--country', 'UA', '--by', 'quarter', '--from', '2019-01-01', '--to', '2019-12-31', '--json')).stdout);
    expect(Object.keys(timeline)).toEqual(['by', 'range', 'lanes']);
    expect(timeline).toMatchObject({ by: 'quarter', range: { from: '2019-01-01', to: '2019-12-31' } });
    expect(timeline.lanes.map((l: { country: string }) => l.country)).toEqual(['JP', 'UA']);
    expect(timeline.lanes[0].buckets.map((b: { period: string }) => b.period)).toEqual(['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4']);
    const table = (await cli('timeline', 'Japon', '--data', data, '--by', 'year')).stdout;
    expect(table).toMatch(/^\d+ countries, by year, /);
    expect(table).toMatch(/Japan \(JP\)\s/);

    // A briefing from a search, to Markdown; a PDF without a Chromium says how to get one.
    const out = join(data, 'japan.md');
    expect((await cli('brief', '--query', 'Japon', '--data', data, '--title', 'Japon', '--marking', 'UNCLASSIFIED', '--language', 'fr', '--out', out)).stdout).toMatch(/japan\.md: \d+ releases/);
    expect(readFileSync(out, 'utf8')).toMatch(/^\*\*UNCLASSIFIED\*\*\n\n# Japon\n[\s\S]*## Chronologie/);
    const noChromium = await run(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), 'brief', '--query', 'Japon', '--data', data, '--out', join(data, 'x.pdf')], { env: { ...process.env, LIAISON_CHROMIUM: '/no/such/chromium' } }).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(noChromium?.code).toBe(1);
    expect(noChromium?.stderr).toMatch(/apt-get install chromium.*LIAISON_CHROMIUM/);

    const doc = JSON.parse((await cli('doc', hit.id, '--data', data, '--json')).stdout);
    expect(doc).toMatchObject({ id: hit.id, title: hit.title, translations: expect.any(Array) });
    expect(doc.paragraphs.length).toBeGreaterThan(0);
  });

  it('answers bad arguments with a usage message and a non-zero exit', async () => {
    const data = freshDir();
    for (const args of [['timeline', '--data', data, '--by', 'decade'], ['search', 'x'], ['search', 'x', '--data', data, '--from', 'yesterday'], ['search', 'x', '--data', data, '--limit', 'ten'], ['index', '--data', data]]) {
      const err = await cli(...args).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(err?.code, args.join(' ')).toBe(2);
      expect(err?.stderr).toMatch(/liaison: /);
    }
  });
});
