import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDir } from '../support/archive-fixture.js';
import { HOSTILE_PAGE } from '../support/hostile.js';
import { SearchPage } from './pages.js';
import { appSuite, newPage } from './support.js';

/** Releases that carry scripts, handlers, remote resources and markup, opened in Chromium. */
const dir = join(freshDir('liaison-hostile-ui-'), 'archive');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'hostile-page.html'), HOSTILE_PAGE);
writeFileSync(join(dir, 'raw-html.md'), '---\ntitle: Markdown with raw HTML about quokkas\ndate: 2021-03-12\n---\n\n<script>window.__pwned = "markdown"</script><img src="http://example.com/x.png" onerror="window.__pwned=1">\n\nThe <b onclick="window.__pwned=2">quokkas</b> of [policy](javascript:window.__pwned=3) and <iframe src="http://example.com/"></iframe>.\n');
writeFileSync(join(dir, 'script-text.txt'), 'A release quoting <script>window.__pwned="text"</script> about quokkas\n\n  • 12 Mar. 2021 -\n\nBern - The page said <img src=x onerror="window.__pwned=4"> and <a href="javascript:alert(1)">this</a> about quokkas.\n');

const suite = appSuite({ folders: [dir], demo: false });

describe('hostile releases in the browser', () => {
  it('shows them as text: no script runs, no request leaves loopback', async () => {
    const page = (suite.page = await newPage(suite.browser));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      throw new Error(`a dialog opened: ${d.message()}`);
    });
    await page.goto(suite.app.web.url);
    const search = new SearchPage(page);
    await search.search('quokkas');
    await expect.poll(() => search.total()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await search.hits.nth(i).click();
      await expect.poll(() => search.reader.locator('h1').count()).toBe(1);
      // Hover and click in the body, where handlers would fire if they had survived.
      await search.reader.locator('.release-body').hover();
      await search.reader.locator('.release-body').click({ position: { x: 5, y: 5 } });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await search.reader.locator('script, iframe, img, svg, object, a[href^="javascript"]').count()).toBe(0);
    }
    await expect.poll(() => search.reader.textContent()).toMatch(/quokkas/);
    await search.screenshot('40-hostile-release');
    const outside = requests.filter((u) => !/^(?:https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\/|data:|blob:)/.test(u));
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
