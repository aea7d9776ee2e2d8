// Renders assets/icon.png (512 px) from the app icon in renderer/public/favicon.svg with Chromium.
// Run: node --import tsx scripts/make-icon.ts
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../tests/e2e/support.js';
const svg = readFileSync('renderer/public/favicon.svg', 'utf8');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body></html>`);
await page.screenshot({ path: 'assets/icon.png', omitBackground: true });
await browser.close();
