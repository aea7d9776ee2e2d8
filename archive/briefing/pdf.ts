import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * A briefing to PDF through a Chromium already on the computer (Debian's `chromium`, or the one
 * LIAISON_CHROMIUM names): it lays out the page with the same print stylesheet as the app, and
 * prints it headless, offline (every host name resolves to nothing).
 */
const run = promisify(execFile);

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'];

export const NO_CHROMIUM = 'Liaison makes PDFs with a Chromium on this computer, and found none: install it (on Debian or Ubuntu, `apt-get install chromium`) or give its path in LIAISON_CHROMIUM; Word, Markdown and HTML need nothing more.';

export class ChromiumMissingError extends Error {
  constructor() {
    super(NO_CHROMIUM);
  }
}

export function findChromium(): string | null {
  const named = process.env['LIAISON_CHROMIUM'];
  if (named) return existsSync(named) ? named : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const chromium = findChromium();
  if (!chromium) throw new ChromiumMissingError();
  const dir = await mkdtemp(join(tmpdir(), 'liaison-pdf-'));
  try {
    const page = join(dir, 'briefing.html');
    const out = join(dir, 'briefing.pdf');
    await writeFile(page, html);
    const args = [
      '--headless=new',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-extensions',
      '--disable-sync',
      // Nothing in a briefing is fetched; this makes sure of it.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    await run(chromium, args, { timeout: 120_000, maxBuffer: 1 << 24 });
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
