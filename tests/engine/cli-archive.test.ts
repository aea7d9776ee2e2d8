import { execFile } from 'node:child_process';
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

    const doc = JSON.parse((await cli('doc', hit.id, '--data', data, '--json')).stdout);
    expect(doc).toMatchObject({ id: hit.id, title: hit.title, translations: expect.any(Array) });
    expect(doc.paragraphs.length).toBeGreaterThan(0);
  });

  it('answers bad arguments with a usage message and a non-zero exit', async () => {
    const data = freshDir();
    for (const args of [['search', 'x'], ['search', 'x', '--data', data, '--from', 'yesterday'], ['search', 'x', '--data', data, '--limit', 'ten'], ['index', '--data', data]]) {
      const err = await cli(...args).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(err?.code, args.join(' ')).toBe(2);
      expect(err?.stderr).toMatch(/liaison: /);
    }
  });
});
