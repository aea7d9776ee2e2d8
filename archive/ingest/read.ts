import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { FileErrorCode, PressRelease, SourceFormat } from '../api/types.js';
import { detectCountries, withReleaseContext } from '../enrich/countries.js';
import { releaseOrigin } from '../enrich/origin.js';
import { detectLanguage } from '../enrich/language.js';
import { findOrganisations, organisationNames } from '../enrich/organisations.js';
import { findQuotes } from '../enrich/quotes.js';
import { summarise } from '../enrich/summary.js';
import { decodeText } from './decode.js';
import { IngestError } from './errors.js';
import { parseDocx } from './docx.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import { MAX_FILE_BYTES, type ParsedDocument } from './model.js';
import { parsePdf } from './pdf.js';
import { readTextLayout } from './text-layout.js';

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export function formatOf(path: string): SourceFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function releaseId(path: string, hash: string): string {
  return createHash('sha256').update(path).update('\0').update(hash).digest('hex').slice(0, 20);
}

/** Bytes to the format's parsed document (no enrichment). */
export async function parseFile(path: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const format = formatOf(path);
  if (!format) throw new IngestError('unsupported-format', `Liaison does not read ${extname(path) ? `${extname(path)} files` : 'files without an extension'} (it reads .txt, .html, .md, .pdf and .docx).`);
  if (bytes.length === 0) throw new IngestError('empty', 'The file is empty.');
  if (bytes.length > MAX_FILE_BYTES) throw new IngestError('too-large', `The file is ${Math.round(bytes.length / 1048576)} MB; releases over ${MAX_FILE_BYTES / 1048576} MB are not read.`);
  switch (format) {
    case 'pdf':
      if (!isPdf(bytes)) throw new IngestError('damaged-file', 'The file is named .pdf but is not a PDF.');
      return parsePdf(bytes);
    case 'docx':
      return parseDocx(bytes);
    case 'html': {
      const { text, encoding } = decodeText(bytes);
      return parseHtml(text, encoding);
    }
    case 'md': {
      const { text, encoding } = decodeText(bytes);
      return parseMarkdown(text, encoding);
    }
    case 'txt': {
      const { text, encoding } = decodeText(bytes);
      return { format: 'txt', encoding, ...readTextLayout(text), declaredLanguage: null, sourceUrl: null };
    }
  }
}

function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** What a parsed document says: language, countries, organisations, quotes, summary. */
export function understand(parsed: ParsedDocument, file: { path: string; size: number; mtimeMs: number; hash: string }, options: ReadOptions = {}): PressRelease {
  const title = parsed.title.trim();
  const paragraphs = parsed.paragraphs;
  if (!title && paragraphs.length === 0) throw new IngestError('no-text', 'The file holds no text.');
  const text = [title, ...paragraphs].join('\n\n');
  const language = detectLanguage(paragraphs.join('\n').length > 60 ? paragraphs.join('\n') : text, parsed.declaredLanguage);
  const orgMentions = findOrganisations(text);
  const origin = releaseOrigin(parsed.sourceUrl, parsed.place);
  const quotes = findQuotes(paragraphs);
  const countries = withReleaseContext(detectCountries(text, { titleLength: title.length, organisations: orgMentions }), origin, quotes.flatMap((q) => (q.role ? [q.role] : [])));
  return {
    id: releaseId(file.path, file.hash),
    path: file.path,
    format: parsed.format,
    encoding: parsed.encoding,
    title,
    published: parsed.published,
    updated: parsed.updated,
    language,
    place: parsed.place,
    paragraphs,
    text,
    countries,
    organisations: organisationNames(orgMentions),
    quotes,
    summary: options.summary === false ? '' : summarise(title, paragraphs, language),
    sourceUrl: parsed.sourceUrl,
    origin,
    translations: [],
    size: file.size,
    mtimeMs: file.mtimeMs,
    hash: file.hash,
  };
}

/**
 * `summary: false`: leave the summary to be made when the release is shown (the index does not
 * need it, and it is a fifth of the reading time).
 */
export interface ReadOptions {
  summary?: boolean;
}

/** Where a file's reading time went, in milliseconds (for the benchmark's profile). */
export interface ReadTimings {
  read: number;
  parse: number;
  enrich: number;
}

export async function readRelease(path: string, bytes: Uint8Array, stat: { size: number; mtimeMs: number }, timings?: ReadTimings, options: ReadOptions = {}): Promise<PressRelease> {
  let t = performance.now();
  const parsed = await parseFile(path, bytes);
  if (timings) {
    timings.parse = performance.now() - t;
    t = performance.now();
  }
  const release = understand(parsed, { path, size: stat.size, mtimeMs: stat.mtimeMs, hash: contentHash(bytes) }, options);
  if (timings) timings.enrich = performance.now() - t;
  return release;
}

/** A file read as a release, or the reason it cannot be: never a throw. */
export type ReadOutcome = { ok: true; release: PressRelease } | { ok: false; code: FileErrorCode; message: string };

/** The one way the engine reads a file of the archive (the CLI's inspect and the reading workers). */
export async function readReleaseFile(path: string, stat: { size: number; mtimeMs: number }, timings?: ReadTimings, options: ReadOptions = {}): Promise<ReadOutcome> {
  try {
    const t = performance.now();
    // A reading worker has nothing else to do meanwhile: a blocking read is the quickest.
    const bytes = isMainThread ? await readFile(path) : readFileSync(path);
    if (timings) timings.read = performance.now() - t;
    return { ok: true, release: await readRelease(path, bytes, stat, timings, options) };
  } catch (err) {
    if (err instanceof IngestError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: 'unreadable', message: (err as Error).message ?? String(err) };
  }
}
