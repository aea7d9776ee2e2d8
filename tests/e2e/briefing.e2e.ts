import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chSample, seedFolder } from '../support/fixtures.js';
import { SearchPage } from './pages.js';
import { appSuite, newPage, screenshots } from './support.js';

const suite = appSuite({ folders: [chSample, seedFolder], demo: false });

describe('a briefing composed in the app', () => {
  it('is made from a search, reordered, given a summary by hand, and printed to PDF', async () => {
    const page = (suite.page = await newPage(suite.browser));
    await page.goto(suite.app.web.url);
    const search = new SearchPage(page);
    await search.search('Japon');
    // One release by its own button, then every release of a narrower search.
    await search.hits.first().getByRole('button', { name: /Add to the briefing/ }).click();
    await expect.poll(() => page.locator('.banner.done').textContent()).toMatch(/1 release added to “Briefing of /);
    await search.search('cyberdéfense Japon');
    await page.getByRole('button', { name: /^\+ Add all \d+ to a briefing$/ }).click();
    await expect.poll(() => page.locator('.banner.done').textContent()).toMatch(/releases? added to “Briefing of /);

    await page.getByRole('button', { name: /^Briefings/ }).click();
    await page.getByRole('button', { name: /^Briefing of / }).click();
    await page.waitForSelector('.briefing-preview .briefing-document');
    await page.getByRole('textbox', { name: 'Title' }).fill('Japan: cyber defence with NATO');
    await page.getByRole('textbox', { name: /Handling marking/ }).fill('NATO UNCLASSIFIED');
    await page.getByRole('textbox', { name: 'Prepared for' }).fill('Director, Asia-Pacific');
    await expect.poll(() => page.locator('.briefing-preview h1').textContent()).toBe('Japan: cyber defence with NATO');

    // Reorder: the second release up.
    const titles = async (): Promise<string[]> => page.locator('.briefing-items .item-title').allTextContents();
    const before = await titles();
    expect(before.length).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: `Move up: ${before[1]}` }).click();
    await expect.poll(titles).toEqual([before[1], before[0], ...before.slice(2)]);
    await expect.poll(() => page.locator('.briefing-preview .bd-entry h3').first().textContent()).toContain(before[1]!.slice(0, 30));

    // A summary written by hand is kept and marked.
    await page.locator('.briefing-items li').first().getByRole('button', { name: 'Edit summary' }).click();
    await page.getByRole('textbox', { name: /^Summary of / }).fill('Japan and NATO agree to deepen cyber defence cooperation; next talks in Tokyo.');
    await page.getByRole('button', { name: 'Keep this summary' }).click();
    await expect.poll(() => page.locator('.briefing-preview .bd-entry').first().textContent()).toContain('summary edited by hand');
    await expect.poll(() => page.locator('.briefing-items .badge').count()).toBe(1);
    await search.screenshot('17-briefing-editor');

    // Printed: what the browser's print makes of the page (the same print stylesheet as the PDF).
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(screenshots, { recursive: true });
    const file = join(screenshots, 'briefing-printed.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages[0]).toContain('Japan: cyber defence with NATO');
    expect(pages[0]).not.toMatch(/Query syntax|Archive folders|Keep this summary/);
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain('NATO UNCLASSIFIED');
      expect(p, `page ${i + 1}`).toMatch(new RegExp(`page ${i + 1} of ${pages.length}`));
    });
    expect(text.replace(/\s+/g, ' ')).toContain('Japan and NATO agree to deepen cyber defence cooperation');

    // Kept across a reload, as saved.
    await page.reload();
    await page.waitForSelector('.briefing-preview .briefing-document');
    await expect.poll(() => page.locator('.briefing-preview h1').textContent()).toBe('Japan: cyber defence with NATO');
  });
});
