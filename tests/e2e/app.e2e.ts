import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chSample, seedFolder } from '../support/fixtures.js';
import { FirstRunPage, SearchPage } from './pages.js';
import { launchBrowser, newPage, startApp, type AppUnderTest } from './support.js';

let browser: Browser;
let app: AppUnderTest | null = null;
let page: Page | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.context().close();
  page = null;
  await app?.close();
  app = null;
});

describe('Liaison in Chromium', () => {
  it('opens on first run with a welcome, and opens the demo archive', async () => {
    app = await startApp();
    page = await newPage(browser);
    await page.goto(app.web.url);
    const firstRun = new FirstRunPage(page);
    await expect.poll(() => firstRun.welcome.textContent()).toBe('Welcome to Liaison');
    const search = new SearchPage(page);
    await search.screenshot('01-first-run');
    await firstRun.openDemo();
    await search.waitForResults();
    await expect.poll(() => search.total(), { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
    await expect.poll(() => search.doneBanner.textContent(), { timeout: 60_000 }).toMatch(/Index up to date: 75 releases/);
    await search.screenshot('02-demo-archive');
    expect(await page.locator('.facet-list').first().locator('label').count()).toBeGreaterThanOrEqual(12);
  });

  it('adds the Swiss sample by its path and shows indexing until it finishes', async () => {
    app = await startApp({ demo: false });
    page = await newPage(browser);
    await page.goto(app.web.url);
    const search = new SearchPage(page);
    await new FirstRunPage(page).addFolder(chSample);
    await expect.poll(() => search.indexingBar.isVisible(), { timeout: 20_000 }).toBe(true);
    await search.screenshot('03-indexing');
    await expect.poll(() => search.doneBanner.textContent(), { timeout: 120_000 }).toMatch(/232 releases; 1 file could not be read/);
    await search.waitForResults();
    await page.locator('.banner.done button.link').click();
    await expect.poll(() => page!.locator('.failures').textContent()).toMatch(/truth\.tsv.*unsupported-format/);
    await search.screenshot('04-folders-and-failures');
  });

  it('searches Ukraine, filters to a country and a period, opens a release with the hits highlighted', async () => {
    app = await startApp({ folders: [chSample] });
    page = await newPage(browser);
    await page.goto(app.web.url);
    const search = new SearchPage(page);
    await search.search('Ukraine');
    const all = await search.total();
    expect(all).toBeGreaterThan(5);
    await search.filterCountry('Russia');
    await search.setDates('2014-01-01', '2024-12-31');
    await expect.poll(() => search.total()).toBeLessThan(all);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('country')).toEqual(['RU']);
    expect(url.searchParams.get('from')).toBe('2014-01-01');
    for (const date of await page.locator('.hit .hit-meta > span:first-child').allTextContents()) expect(Number(/\d{4}/.exec(date)![0])).toBeGreaterThanOrEqual(2014);
    await expect.poll(() => page!.locator('.chips .chip').count()).toBe(2);
    await search.screenshot('05-search-filtered');
    await search.hits.first().click();
    await expect.poll(() => search.reader.locator('.release-body mark').count()).toBeGreaterThan(0);
    expect((await search.reader.locator('.release-body mark').first().textContent())!.toLowerCase()).toMatch(/^ukrain/);
    await expect.poll(() => page!.locator('.hit-nav span').textContent()).toMatch(/hit 1 of \d+/);
    await search.screenshot('06-reader');
  });

  it('works from the keyboard alone', async () => {
    app = await startApp({ folders: [chSample] });
    page = await newPage(browser);
    await page.goto(app.web.url);
    const search = new SearchPage(page);
    await search.waitForResults();
    await page.keyboard.press('/');
    await expect.poll(() => page!.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('Japon');
    await search.waitForResults('Japon');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page!.locator('.hit[aria-selected=true]').getAttribute('data-index')).toBe('2');
    const title = await page.locator('.hit[aria-selected=true] h3').textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => search.reader.locator('h1').textContent()).toBe(title);
    await search.screenshot('07-keyboard-reader');
    await page.keyboard.press('Escape');
    await expect.poll(() => search.reader.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('doc')).toBeNull();
  });

  it('switches the interface to French', async () => {
    app = await startApp({ folders: [chSample] });
    page = await newPage(browser);
    await page.goto(app.web.url);
    const search = new SearchPage(page);
    await search.waitForResults();
    await page.getByRole('button', { name: 'Passer l’interface en français' }).click();
    await expect.poll(() => search.count.textContent()).toMatch(/communiqués/);
    expect(await page.locator('.filters h2').first().textContent()).toBe('Pays partenaires');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await search.screenshot('08-french');
  });

  it('comes back to the same search, filters and open release after a reload, and Back undoes a filter', async () => {
    app = await startApp({ folders: [chSample] });
    page = await newPage(browser);
    await page.goto(app.web.url);
    const search = new SearchPage(page);
    await search.search('Ukraine');
    await search.filterCountry('Russia');
    await expect.poll(() => page!.locator('.chips .chip').count()).toBe(1);
    await search.hits.first().click();
    await expect.poll(() => search.reader.count()).toBe(1);
    const before = { url: page.url(), total: await search.total(), title: await search.reader.locator('h1').textContent() };
    await page.reload();
    await search.waitForResults();
    await expect.poll(() => search.reader.locator('h1').textContent()).toBe(before.title);
    expect(await search.query.inputValue()).toBe('Ukraine');
    expect(await search.total()).toBe(before.total);
    expect(page.url()).toBe(before.url);
    await page.goBack();
    await expect.poll(() => search.reader.count()).toBe(0);
    await page.goBack();
    await expect.poll(() => page!.locator('.chips .chip').count()).toBe(0);
  });

  it('finds the seed release from its French words, in a dark theme', async () => {
    app = await startApp({ folders: [seedFolder] });
    page = await newPage(browser, { colorScheme: 'dark', locale: 'fr-FR' });
    await page.goto(app.web.url);
    const search = new SearchPage(page);
    // The dark palette and the French interface, chosen from the system's settings.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 22, 28)');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await search.search('cyberdefense Japan');
    expect(await search.total()).toBe(1);
    await search.hits.first().click();
    await expect.poll(() => search.reader.locator('.release-quotes footer').count()).toBe(2);
    expect(await search.reader.locator('.release-quotes footer').first().textContent()).toContain('Christian Liflander');
    await search.screenshot('09-seed-dark-french');
  });

  it('shows a release saved into an archive folder while the app runs, without re-indexing by hand', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'liaison-e2e-archive-'));
    const release = (title: string, body: string): string => `${title}\n\n  • 12 mai 2023\n\nBerne - ${body}\n`;
    writeFileSync(join(folder, 'norvege.txt'), release('Accord avec la Norvège', 'La Suisse et la Norvège ont signé un accord.'));
    app = await startApp({ folders: [folder], watch: true, demo: false });
    page = await newPage(browser);
    await page.goto(app.web.url);
    const search = new SearchPage(page);
    await search.waitForResults();
    await expect.poll(() => search.total()).toBe(1);
    writeFileSync(join(folder, 'danemark.txt'), release('Visite au Danemark', 'La conseillère fédérale s’est rendue au Danemark.'));
    await expect.poll(() => search.total(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => search.hits.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Visite au Danemark')]));
  });

  it('refuses API calls without the token', async () => {
    app = await startApp({ demo: false });
    const res = await fetch(`http://127.0.0.1:${app.web.port}/api/status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
  });
});
