import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { SearchHit, SearchRequest, SearchResult } from '../../archive/api/types.js';
import { startWebServer, type WebServer } from '../../archive/transport/http.js';
import { emptyQuery, fakeArchive, fakeStatus } from '../support/fake-archive.js';
import { projectRoot } from '../support/fixtures.js';
import { SearchPage } from './pages.js';
import { launchBrowser, newPage } from './support.js';

const TOTAL = 20_000;

/** A fake archive behind the real HTTP transport: 20,000 hits, to test the list, not the engine. */
function twentyThousandHits(): { api: ReturnType<typeof fakeArchive>; pagesServed: number[] } {
  const pagesServed: number[] = [];
  const hit = (i: number): SearchHit => {
    const text = `Text of release ${i + 1}, about cooperation and security.`;
    const at = text.indexOf('cooperation');
    return {
      id: `r${i}`,
      path: `/archive/release-${i}.txt`,
      title: `Release number ${i + 1} on cooperation with partner ${i % 50}`,
      published: `20${String(10 + (i % 15)).padStart(2, '0')}-01-01`,
      updated: null,
      language: i % 2 ? 'fr' : 'en',
      countries: ['JP'],
      aboutCountries: ['JP'],
      score: TOTAL - i,
      snippet: { text, highlights: [[at, at + 'cooperation'.length]] },
      translations: [],
    };
  };
  const api = fakeArchive({
    status: async () => fakeStatus({ documents: TOTAL, folders: ['/archive'], languages: ['en', 'fr'] }),
    countryNames: async () => [{ code: 'JP', en: 'Japan', fr: 'Japon', flag: '' }],
    search: async (req: SearchRequest): Promise<SearchResult> => {
      const offset = req.offset ?? 0;
      const limit = req.limit ?? 20;
      pagesServed.push(offset);
      return {
        total: TOTAL,
        versions: TOTAL,
        hits: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => hit(offset + k)),
        facets: { countries: { JP: TOTAL }, countriesMentioned: { JP: TOTAL }, languages: { en: TOTAL / 2, fr: TOTAL / 2 }, years: { '2020': TOTAL } },
        query: emptyQuery,
        tookMs: 1,
      };
    },
  });
  return { api, pagesServed };
}

let browser: Browser;
let web: WebServer;
let served: number[];

beforeAll(async () => {
  browser = await launchBrowser();
  const fake = twentyThousandHits();
  served = fake.pagesServed;
  const staticDir = join(projectRoot, 'build/renderer');
  web = await startWebServer(fake.api, { staticDir });
});
afterAll(async () => {
  await web?.close();
  await browser?.close();
});

describe('the result list with 20,000 hits', () => {
  it('keeps only the visible rows in the page, and pages in more as it scrolls', async () => {
    const page = await newPage(browser);
    await page.goto(web.url);
    const search = new SearchPage(page);
    await search.waitForResults();
    expect(await search.total()).toBe(TOTAL);
    expect(await search.hits.count()).toBeLessThan(40);

    const list = page.locator('.results');
    for (let i = 0; i < 30; i++) {
      await list.evaluate((el) => el.scrollBy(0, el.clientHeight * 3));
      await page.waitForTimeout(30);
    }
    expect(await search.hits.count()).toBeLessThan(40);
    expect(served.length).toBeGreaterThan(3);
    const lastShown = Number(await search.hits.last().getAttribute('data-index'));
    expect(lastShown).toBeGreaterThan(200);
    await search.screenshot('10-twenty-thousand-hits');
    await page.context().close();
  });
});
