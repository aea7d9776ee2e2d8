import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { screenshots } from './support.js';

/** Page objects: what a desk officer sees, in their words. */
export class FirstRunPage {
  constructor(readonly page: Page) {}
  get welcome(): Locator {
    return this.page.locator('.welcome h1');
  }
  async addFolder(path: string): Promise<void> {
    await this.page.getByRole('textbox').first().fill(path);
    await this.page.locator('.add-folder button[type=submit]').click();
  }
  async openDemo(): Promise<void> {
    await this.page.locator('.demo button').click();
  }
}

export class SearchPage {
  constructor(readonly page: Page) {}
  get query(): Locator {
    return this.page.locator('.search input[type=search]');
  }
  get count(): Locator {
    return this.page.locator('.results-head .count');
  }
  get hits(): Locator {
    return this.page.locator('.results .hit');
  }
  get indexingBar(): Locator {
    return this.page.locator('.banner.indexing');
  }
  get doneBanner(): Locator {
    return this.page.locator('.banner.done');
  }
  get reader(): Locator {
    return this.page.locator('.reader .release');
  }
  async search(text: string): Promise<void> {
    await this.query.fill(text);
    await this.waitForResults(text);
  }
  /** Waits until the results on screen answer `query` (any query when not given). */
  async waitForResults(query?: string): Promise<void> {
    await this.page.waitForFunction((q) => {
      const pane = document.querySelector('.results-pane');
      if (!pane || pane.getAttribute('aria-busy') === 'true') return false;
      return q === null ? pane.hasAttribute('data-query') : pane.getAttribute('data-query') === q;
    }, query ?? null);
  }
  async total(): Promise<number> {
    const text = (await this.count.textContent()) ?? '';
    return Number((/([\d\s ,.]+)/.exec(text)?.[1] ?? '0').replace(/[^\d]/g, ''));
  }
  async filterCountry(name: string): Promise<void> {
    await this.page.locator('.find-country').fill(name);
    await this.page.locator('.facet-list label', { hasText: name }).first().locator('input').check();
    await this.page.locator('.find-country').fill('');
  }
  async setDates(from: string, to: string): Promise<void> {
    await this.page.locator('.date-inputs input').nth(0).fill(from);
    await this.page.locator('.date-inputs input').nth(1).fill(to);
  }
  async screenshot(name: string): Promise<void> {
    mkdirSync(screenshots, { recursive: true });
    await this.page.screenshot({ path: join(screenshots, `${name}.png`) });
  }
}

export class TimelinePage {
  constructor(readonly page: Page) {}
  get pane(): Locator {
    return this.page.locator('.timeline-pane');
  }
  get chart(): Locator {
    return this.page.locator('.timeline-chart svg');
  }
  get tip(): Locator {
    return this.page.locator('.timeline-tip');
  }
  /** The lanes' names, top to bottom, as the accessible tables give them. */
  async lanes(): Promise<string[]> {
    return (await this.page.locator('.timeline-pane .sr-only caption').allTextContents()).map((c) => c.split(':')[0]!);
  }
  async period(): Promise<string | null> {
    return this.pane.getAttribute('data-period');
  }
  async ready(): Promise<void> {
    await this.page.waitForSelector('.timeline-pane[data-ready="true"]');
  }
}
