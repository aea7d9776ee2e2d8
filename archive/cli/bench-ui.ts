import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../paths.js';
import { startWebServer } from '../transport/http.js';
import { generatedService } from './bench-timeline.js';

/**
 * `liaison bench ui [--docs 20000]`: the search view in Chromium over generated releases (put
 * straight into the index), measured in the page: from each keystroke in the search box to the
 * moment the frame that draws its results is painted, typing at a person's pace; and the long tasks (over 50 ms)
 * while scrolling down the list of every release.
 */
const WORDS = ['cooperation', 'security', 'trade', 'coopération', 'sécurité', 'commerce', 'talks', 'entretiens', 'japan', 'ukraine'];

/** Run in the page (a string: the engine's code knows no DOM). */
const IN_PAGE = `(() => {
  window.__painted = [];
  window.__long = [];
  new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  const box = document.querySelector('.search input[type=search]');
  let pending = '';
  box.addEventListener('beforeinput', () => {
    window.__typed = performance.now();
    queueMicrotask(() => (pending = box.value));
  }, true);
  new MutationObserver(() => {
    const pane = document.querySelector('.results-pane');
    if (!pending || !pane || pane.getAttribute('aria-busy') === 'true' || pane.getAttribute('data-query') !== box.value) return;
    const typed = window.__typed;
    pending = '';
    // Just after the frame that draws them is painted.
    requestAnimationFrame(() => setTimeout(() => window.__painted.push(performance.now() - typed), 0));
  }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-query', 'aria-busy'] });
})()`;

const stats = (xs: number[]): string => {
  if (!xs.length) return 'none measured';
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (${s.length} keystrokes)`;
};

export async function benchUi(argv: string[]): Promise<void> {
  const docsAt = argv.indexOf('--docs');
  const count = docsAt >= 0 ? Number(argv[docsAt + 1]) : 20_000;
  const staticDir = join(appRoot(), 'build', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error(`The interface is not built (${staticDir} has no index.html): run \`npm run build\`, then measure again.`);
  const data = await mkdtemp(join(tmpdir(), 'liaison-bench-ui-'));
  try {
    const service = await generatedService(data, count);
    const { chromium } = await import('playwright-core');
    const web = await startWebServer(service, { staticDir });
    const browser = await chromium.launch({ executablePath: process.env['LIAISON_CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(web.url);
      await page.waitForSelector('.results-pane[data-query]');
      // In the page: the time of the last keystroke in the box, and when results for the box's text are drawn.
      await page.evaluate(IN_PAGE);
      const box = page.locator('.search input[type=search]');
      for (const word of WORDS) {
        await box.fill('');
        await box.focus();
        await page.waitForTimeout(400);
        for (const ch of word) {
          await page.keyboard.type(ch);
          // A quick typist: about 200 ms between keys.
          await page.waitForTimeout(200);
        }
        await page.waitForTimeout(400);
      }
      const painted = (await page.evaluate('window.__painted')) as number[];
      console.log(`ui: ${count} releases; keystroke → its results drawn (typing one key every 200 ms): ${stats(painted)} — target median under 50 ms`);

      // Every release in the list, newest first, scrolled by the wheel.
      await box.fill('');
      // (Polled from here: the page's policy allows no code made from a string.)
      while ((await page.evaluate("document.querySelector('.results-pane')?.getAttribute('data-query')")) !== '') await page.waitForTimeout(50);
      await page.evaluate('window.__long = []');
      const list = page.locator('.results');
      await list.hover();
      const t0 = Date.now();
      let rows = 0;
      for (let i = 0; i < 150; i++) {
        await page.mouse.wheel(0, 900);
        await page.waitForTimeout(40);
      }
      rows = (await page.evaluate("document.querySelector('.results')?.scrollTop ?? 0")) as number;
      const long = (await page.evaluate('window.__long')) as number[];
      const total = await page.locator('.results-head .count').textContent();
      console.log(`ui: scrolling the list of ${total?.split('·')[0]!.trim()} for ${((Date.now() - t0) / 1000).toFixed(1)} s (${rows} px): ${long.length} long tasks${long.length ? ` (longest ${Math.max(...long).toFixed(0)} ms)` : ''} — target none`);
    } finally {
      await browser.close();
      await web.close();
    }
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}
