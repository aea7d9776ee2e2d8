import type { ParsedDocument } from './model.js';
import { IngestError } from './errors.js';
import { readTextLayout } from './text-layout.js';

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

/**
 * The text layer of a PDF, read with Mozilla's pdf.js (5.x: the last line that runs on Node 20).
 * This version no longer compiles anything from a PDF into code (the `isEvalSupported` path is
 * gone from it; a test checks that), and fonts are never loaded into the system. Lines are rebuilt from item positions; a gap larger than a line starts a
 * new paragraph; then the same layout reading as text copied from a web page.
 */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      stopAtErrors: true,
      verbosity: 0,
    }).promise;
  } catch (err) {
    throw new IngestError('damaged-file', `The PDF cannot be opened: ${(err as Error).message}`);
  }
  try {
    const lines: { text: string; y: number; height: number; page: number }[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let line = '';
      let lineY: number | null = null;
      let lineH = 0;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        const y = item.transform[5] ?? 0;
        if (lineY !== null && Math.abs(y - lineY) > 1 && line.trim()) {
          lines.push({ text: line, y: lineY, height: lineH, page: p });
          line = '';
        }
        if (lineY === null || Math.abs(y - lineY) > 1) lineY = y;
        line += item.str;
        lineH = Math.max(lineH, item.height || Math.abs(item.transform[3] ?? 0));
        if (item.hasEOL) {
          if (line.trim()) lines.push({ text: line, y: lineY, height: lineH, page: p });
          line = '';
          lineY = null;
          lineH = 0;
        }
      }
      if (line.trim()) lines.push({ text: line, y: lineY ?? 0, height: lineH, page: p });
      page.cleanup();
    }
    if (lines.length === 0) throw new IngestError('no-text', 'The PDF has no text layer (a scanned image?); it cannot be searched.');
    let text = '';
    for (let i = 0; i < lines.length; i++) {
      const cur = lines[i]!;
      const prev = lines[i - 1];
      if (prev) {
        const gap = prev.page === cur.page ? prev.y - cur.y : Infinity;
        text += gap > Math.max(prev.height, cur.height) * 1.6 || cur.height > prev.height * 1.3 || prev.height > cur.height * 1.3 ? '\n\n' : '\n';
      }
      text += cur.text.trim();
    }
    const layout = readTextLayout(text);
    return { format: 'pdf', encoding: 'binary', ...layout, declaredLanguage: null, sourceUrl: null };
  } finally {
    await doc.destroy();
  }
}
