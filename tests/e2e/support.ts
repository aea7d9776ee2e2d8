import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ArchiveService } from '../../archive/service.js';
import { startWebServer, type WebServer } from '../../archive/transport/http.js';
import { projectRoot } from '../support/fixtures.js';

export const CHROMIUM = process.env['LIAISON_CHROMIUM'] ?? '/usr/bin/chromium';
export const screenshots = join(projectRoot, 'test-output', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export interface AppUnderTest {
  service: ArchiveService;
  web: WebServer;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh data folder and a server on 127.0.0.1 for each test. */
export async function startApp(options: { demo?: boolean; folders?: string[]; watch?: boolean } = {}): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-e2e-'));
  const service = await ArchiveService.open({ dataDir, folders: options.folders, demoFolder: options.demo === false ? null : join(projectRoot, 'assets/demo') });
  if (options.watch) await service.startWatching();
  else if (options.folders?.length) await service.reindex({});
  const web = await startWebServer(service, { staticDir: join(projectRoot, 'build/renderer') });
  return { service, web, dataDir, close: async () => (service.stopWatching(), web.close()) };
}

export async function newPage(browser: Browser, options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: options.locale ?? 'en-GB', colorScheme: options.colorScheme ?? 'light', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

/**
 * One app and one browser for a file of tests, a fresh page for each: the hooks every such file
 * needs. `suite.page` is the page of the test under way (closed after it).
 */
export function appSuite(options: Parameters<typeof startApp>[0]): { readonly app: AppUnderTest; readonly browser: Browser; page: Page | null } {
  const suite = { app: null as unknown as AppUnderTest, browser: null as unknown as Browser, page: null as Page | null };
  beforeAll(async () => {
    suite.browser = await launchBrowser();
    suite.app = await startApp(options);
  }, 120_000);
  afterAll(async () => {
    await suite.app?.close();
    await suite.browser?.close();
  });
  afterEach(async () => {
    await suite.page?.context().close();
    suite.page = null;
  });
  return suite;
}
