import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { TextEncoding } from '../api/types.js';
import { UPDATED_LINE, chooseReleaseDate, formatUpdated, parseDate } from '../enrich/dates.js';
import type { ParsedDocument } from './model.js';
import { openingDate, takeDateline } from './text-layout.js';
import { IngestError } from './errors.js';

/**
 * A browser-saved page: the release is found by Mozilla's Readability (the extractor behind
 * Firefox's reader view) over a linkedom DOM (a light, pure-JS DOM: no native parts, fast on
 * thousands of pages). Navigation, footers, scripts and styles stay out of the release.
 */
export function parseHtml(html: string, encoding: TextEncoding): ParsedDocument {
  if (!html.trim()) throw new IngestError('no-text', 'The page holds no readable text.');
  const { document } = parseHTML(html);
  if (!document.documentElement) throw new IngestError('no-text', 'The page holds no readable text.');
  const declaredLanguage = (document.documentElement?.getAttribute('lang') ?? '').slice(0, 2).toLowerCase() || null;

  const meta = (selector: string): string | null => document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const metaPublished =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="dc.date"]') ??
    meta('meta[name="DC.date"]') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const metaModified = meta('meta[property="article:modified_time"]') ?? meta('meta[name="last-modified"]');
  const sourceUrl = meta('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;

  // "Last updated" usually sits in the footer, which Readability drops: read it from the whole page.
  for (const el of document.querySelectorAll('script,style,noscript,template')) el.remove();
  const pageText = blockText(document.body ?? document.documentElement);
  let updated: string | null = null;
  let updatedDate: string | null = null;
  for (const line of pageText) {
    const m = UPDATED_LINE.exec(line);
    if (m && m.index < 5) {
      const found = parseDate(line.slice(m.index + m[0].length));
      if (found) {
        updated = formatUpdated(found);
        updatedDate = found.date;
        break;
      }
    }
  }
  if (metaModified && !updated) {
    const found = parseDate(metaModified);
    if (found) {
      updated = formatUpdated(found);
      updatedDate ??= found.date;
    }
  }

  const heading = (document.querySelector('main h1, article h1') ?? document.querySelector('h1'))?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const pageTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  // The article comes back as its element (not serialised to HTML and parsed again).
  const article = new Readability<unknown>(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 50, keepClasses: false, serializer: (node) => node }).parse();
  let paragraphs: string[];
  if (article?.content) {
    paragraphs = blockText(article.content);
  } else {
    paragraphs = pageText;
  }
  const title = heading || article?.title?.trim() || stripSiteName(pageTitle);
  if (!title && paragraphs.length === 0) throw new IngestError('no-text', 'The page holds no readable text.');
  paragraphs = paragraphs.filter((p) => p !== title && !/^(?:©|&copy;)/.test(p));

  const dateline = takeDateline(paragraphs);
  const published = chooseReleaseDate([
    { date: dateline.date, source: 'dateline' },
    { date: metaPublished ? parseDate(metaPublished)?.date : null, source: 'metadata' },
    { date: openingDate(dateline.paragraphs), source: 'opening' },
    { date: updatedDate, source: 'updated' },
  ]);
  return {
    format: 'html',
    encoding,
    title: title || (dateline.paragraphs[0] ?? '').slice(0, 120),
    paragraphs: dateline.paragraphs,
    published,
    updated,
    place: dateline.place,
    declaredLanguage,
    sourceUrl,
  };
}

function stripSiteName(title: string): string {
  return title.replace(/\s+[|–—-]\s+[^|–—-]{2,40}$/, '').trim();
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL',
]);

/** The text of an element as paragraphs: block elements and double line breaks separate them. */
export function blockText(root: unknown): string[] {
  const parts: string[] = [];
  let lastBr = false;
  const walk = (node: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }): void => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      if ((node.textContent ?? '').trim()) lastBr = false;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    if (name === 'BR') {
      parts.push(lastBr ? '\n\n' : '\n');
      lastBr = true;
      return;
    }
    const block = BLOCK.has(name);
    if (block) parts.push('\n\n');
    for (const child of Array.from(node.childNodes)) walk(child as typeof node);
    if (block) parts.push('\n\n');
  };
  if (root) walk(root as Parameters<typeof walk>[0]);
  return parts
    .join('')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}
