import { unzipSync, zipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import type { ParsedDocument } from './model.js';
import { IngestError } from './errors.js';
import { blockText } from './html.js';
import { readTextLayout } from './text-layout.js';

/** Real inflated bytes a Word file may hold. */
export const MAX_DOCX_INFLATED = 64 * 1024 * 1024;

/** The parts of a Word file the text is read from (images and fonts are not needed). */
const WANTED = /^(?:\[Content_Types\]\.xml|_rels\/\.rels|word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels)$/;

/**
 * The Word file's parts as its central directory lists them (what any zip reader, mammoth's
 * included, goes by), each inflated to no more than the size the directory declares, and all of
 * them to no more than `limit`: the bytes checked are the bytes that will be read. A part hidden
 * from a scan in file order, or one that inflates past its declared size, changes nothing.
 */
export function checkedParts(bytes: Uint8Array, limit = MAX_DOCX_INFLATED): Record<string, Uint8Array> {
  let declared = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (!WANTED.test(file.name)) return false;
        declared += file.originalSize;
        if (declared > limit) throw new IngestError('too-large', `The Word file expands to more than ${Math.round(limit / 1048576)} MB when unpacked (a zip bomb?); it was not opened.`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError('damaged-file', `The Word file's archive is damaged: ${(err as Error).message}`);
  }
  if (!parts['word/document.xml']) throw new IngestError('damaged-file', 'The Word file has no document part (word/document.xml).');
  return parts;
}

/** A Word file: text and headings through mammoth (made for .docx, pure JS), after the size check. */
export async function parseDocx(bytes: Uint8Array): Promise<ParsedDocument> {
  // mammoth is given a new archive made of the checked parts only, stored without compression.
  const checked = zipSync(checkedParts(bytes), { level: 0 });
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(checked) })).value;
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
