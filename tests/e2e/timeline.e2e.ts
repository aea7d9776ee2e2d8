import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chSample, whSample } from '../support/fixtures.js';
import { SearchPage, TimelinePage } from './pages.js';
import { appSuite, newPage, screenshots } from './support.js';

const suite = appSuite({ folders: [chSample, whSample], demo: false });

describe('timelines across countries, keyboard only', () => {
  it('shows a search on a timeline, three countries side by side, zooms to a month, opens a release and brushes a period into the search', async () => {
    const page = (suite.page = await newPage(suite.browser));
    await page.goto(suite.app.web.url);
    const search = new SearchPage(page);
    const timeline = new TimelinePage(page);
    await search.waitForResults();
    // Search, then T for the timeline.
    await page.keyboard.press('/');
    await page.keyboard.type('Ukraine');
    await search.waitForResults('Ukraine');
    await page.keyboard.press('Escape');
    await page.keyboard.press('t');
    await timeline.ready();
    expect(new URL(page.url()).searchParams.get('view')).toBe('timeline');
    expect((await timeline.lanes())[0]).toBe('Ukraine');
    await search.screenshot('11-timeline-search');

    // Georgia and Moldova join Ukraine: in the "Add a country" list, type a name, Tab to Add, Enter.
    const add = page.getByRole('combobox', { name: 'Add a country' });
    for (const name of ['Georgia', 'Moldova']) {
      await add.focus();
      await page.keyboard.type(name);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => timeline.lanes()).toContain(name);
    }
    const lanes = await timeline.lanes();
    expect(lanes.slice(-2)).toEqual(['Georgia', 'Moldova']);
    expect(new URL(page.url()).searchParams.getAll('lane')).toEqual(expect.arrayContaining(['UA', 'GE', 'MD']));
    // One axis: every lane has the same periods, empty ones included.
    const rows = await page.locator('.timeline-pane .sr-only table').evaluateAll((tables) => tables.map((t) => [...t.querySelectorAll('th')].map((th) => th.textContent)));
    for (const r of rows) expect(r).toEqual(rows[0]);
    await search.screenshot('12-timeline-three-countries');

    // Zoom to a month: on the chart, ← to Ukraine's latest period with releases, Enter zooms into
    // it, → to its first release, + zooms around it; releases are marks now.
    await timeline.chart.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => timeline.tip.textContent()).toMatch(/^Ukraine · .+: \d+ releases?/);
    await page.keyboard.press('Enter');
    await expect.poll(() => timeline.period()).toBe('release');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(() => new URL(page.url()).searchParams.get('tl') ?? '', { timeout: 5000 }).toMatch(/\.\./);
    await expect.poll(() => {
      const [from, to] = (new URL(page.url()).searchParams.get('tl') ?? '..').split('..');
      return (Date.parse(to!) - Date.parse(from!)) / 86_400_000;
    }).toBeLessThan(40);
    await expect.poll(() => timeline.tip.textContent()).toMatch(/^Ukraine · .+ — \d{4}-\d{2}-\d{2}$/);
    await search.screenshot('13-timeline-month');

    // Enter opens the release under the cursor in the reader.
    await page.keyboard.press('Enter');
    await expect.poll(() => search.reader.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('doc')).toMatch(/^[0-9a-f]{20}$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => search.reader.count()).toBe(0);

    // Zoom out to bars, pick a period, F sets the search's dates to it; the results follow.
    await timeline.chart.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('-');
    await expect.poll(() => timeline.period()).not.toBe('release');
    await page.keyboard.press('ArrowLeft');
    const tip = (await timeline.tip.textContent()) ?? '';
    expect(tip).toMatch(/^Ukraine · /);
    await page.keyboard.press('f');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const url = new URL(page.url());
    const [brushFrom, brushTo] = [url.searchParams.get('from')!, url.searchParams.get('to')!];
    await search.screenshot('14-timeline-brushed');
    await page.keyboard.press('r');
    await search.waitForResults('Ukraine');
    expect(await search.total()).toBeGreaterThan(0);
    for (const d of await page.locator('.hit .hit-meta > span:first-child').allTextContents()) {
      const iso = new Date(`${d} UTC`).toISOString().slice(0, 10);
      expect(iso >= brushFrom && iso <= brushTo, `${d} in ${brushFrom}..${brushTo}`).toBe(true);
    }
  });

  it('draws in the dark theme and in French, with its axis in French', async () => {
    const page = (suite.page = await newPage(suite.browser, { colorScheme: 'dark', locale: 'fr-FR' }));
    await page.goto(`${suite.app.web.url}&view=timeline&tl=2022-01-01..2022-12-31`);
    const timeline = new TimelinePage(page);
    await timeline.ready();
    const labels = await page.locator('.timeline-chart svg text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['févr.', 'mars']));
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.timeline-chart svg rect')!).fill)).not.toBe('rgb(255, 255, 255)');
    await new SearchPage(page).screenshot('15-timeline-dark-french');

    // Exports: an SVG that stands alone (colours written in), and a PNG.
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe('liaison-timeline-2022-01-01-2022-12-31.svg');
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).not.toContain('var(--');
    expect(text).toContain('Ukraine');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    mkdirSync(screenshots, { recursive: true });
    writeFileSync(join(screenshots, '16-timeline-export.png'), bytes);

    // Printed: the chart on the page, without the toolbar.
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(screenshots, 'timeline-print.pdf'), pdf);
  });
});
