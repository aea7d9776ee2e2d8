import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveService } from '../../archive/service.js';
import { indexedSamples } from '../support/archive-fixture.js';
import { fixtures } from '../support/fixtures.js';

/**
 * The index's own format (positional postings on disk) replaced FlexSearch: these 60 queries
 * (words, phrases, exclusions, OR, prefixes, fields, country names in both languages) found
 * these releases before the change, and must find exactly the same after it, from memory and
 * after reopening from disk. Their order may differ: ranking is BM25 now.
 */
const snapshot = JSON.parse(readFileSync(join(fixtures, 'truth', 'query-snapshot.json'), 'utf8')) as Record<string, { total: number; hits: string[] }>;

describe('the same releases for the same queries as before the index format changed', async () => {
  const { service, dataDir } = await indexedSamples();
  const reopened = await ArchiveService.open({ dataDir });

  for (const [name, s] of [['just indexed', service], ['reopened from disk', reopened]] as const) {
    it(`finds the releases it found before (${name})`, async () => {
      const differ: string[] = [];
      for (const [query, expected] of Object.entries(snapshot)) {
        const result = await s.search({ query, limit: 500 });
        const hits = result.hits.map((h) => relative(fixtures, h.path)).sort();
        if (result.total !== expected.total || JSON.stringify(hits) !== JSON.stringify(expected.hits)) differ.push(`${query}: ${expected.total} then, ${result.total} now`);
      }
      expect(differ).toEqual([]);
      expect(Object.keys(snapshot).length).toBe(60);
    });
  }
});
