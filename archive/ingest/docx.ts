import { Unzip, UnzipInflate } from 'fflate';
import { parseHTML } from 'linkedom';
import type { ParsedDocument } from './model.js';
import { IngestError } from './errors.js';
import { blockText } from './html.js';
import { readTextLayout } from './text-layout.js';

/** Real inflated bytes a Word file may hold; its own directory is not trusted for this. */
export const MAX_DOCX_INFLATED = 64 * 1024 * 1024;
const CHUNK = 16 * 1024;

/**
 * Inflates the whole archive in small steps, counting the bytes actually produced, and stops at
 * the limit: a zip bomb is refused before mammoth (which would inflate everything) sees it.
 */
export function checkZipExpansion(bytes: Uint8Array, limit = MAX_DOCX_INFLATED): void {
  let total = 0;
  let failure: IngestError | null = null;
  let entries = 0;
  const unzip = new Unzip((file) => {
    entries++;
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = new IngestError('damaged-file', `The Word file's archive is damaged: ${err.message}`);
        return;
      }
      total += chunk.length;
      if (total > limit) {
        failure = new IngestError('too-large', `The Word file expands to more than ${Math.round(limit / 1048576)} MB when unpacked (a zip bomb?); it was not opened.`);
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) {
      unzip.push(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)), i + CHUNK >= bytes.length);
    }
  } catch (err) {
    throw failure ?? new IngestError('damaged-file', `The Word file's archive is damaged: ${(err as Error).message}`);
  }
  if (failure) throw failure;
  if (entries === 0) throw new IngestError('damaged-file', 'The Word file is not a zip archive.');
}

/** A Word file: text and headings through mammoth (made for .docx, pure JS), after the size check. */
export async function parseDocx(bytes: Uint8Array): Promise<ParsedDocument> {
  checkZipExpansion(bytes);
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (err) {
    throw new IngestError('damaged-file', `The Word file cannot be read: ${(err as Error).message}`);
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const heading = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const paragraphs = blockText(document.body).filter((p) => p !== heading);
  if (!heading && paragraphs.length === 0) throw new IngestError('no-text', 'The Word file holds no text.');
  const layout = readTextLayout([heading, ...paragraphs].filter(Boolean).join('\n\n'));
  return { format: 'docx', encoding: 'binary', ...layout, declaredLanguage: null, sourceUrl: null };
}
