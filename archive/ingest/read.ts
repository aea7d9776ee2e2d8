import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname, sep } from 'node:path';
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
  try {
    return await parseFormat(path, bytes);
  } catch (err) {
    // Whatever a parser throws on a damaged file becomes a failure of that file, with its reason.
    if (err instanceof IngestError) throw err;
    if (err instanceof RangeError && /call stack/i.test(err.message)) throw new IngestError('damaged-file', 'The file is nested too deeply to be read.');
    throw new IngestError('damaged-file', `The file cannot be read: ${(err as Error)?.message ?? String(err)}`);
  }
}

async function parseFormat(path: string, bytes: Uint8Array): Promise<ParsedDocument> {
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
export async function readReleaseFile(path: string, stat: { size: number; mtimeMs: number; root?: string }, timings?: ReadTimings, options: ReadOptions = {}): Promise<ReadOutcome> {
  try {
    const t = performance.now();
    // A reading worker has nothing else to do meanwhile: a blocking read is the quickest.
    const bytes = isMainThread ? await readArchiveFile(path, stat.root) : readArchiveFileSync(path, stat.root);
    if (timings) timings.read = performance.now() - t;
    return { ok: true, release: await readRelease(path, bytes, stat, timings, options) };
  } catch (err) {
    if (err instanceof IngestError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: 'unreadable', message: (err as Error).message ?? String(err) };
  }
}

/**
 * A file of the archive is opened without following a link and without waiting on a pipe, then
 * checked through the open handle (a regular file, inside the archive folder, not too large)
 * before a byte is read: a file swapped for a link or a pipe after the walk is refused, and a
 * giant file costs nothing.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function openError(err: NodeJS.ErrnoException): Error {
  if (err.code === 'ELOOP' || err.code === 'EMLINK') return new IngestError('not-a-file', 'This is a symbolic link; links are not followed (an archive must not lead Liaison elsewhere).');
  if (err.code === 'ENXIO') return new IngestError('not-a-file', 'This is a pipe or a socket, not a file.');
  return err;
}

function checkHandle(path: string, size: number, isFile: boolean, root: string | undefined): void {
  if (!isFile) throw new IngestError('not-a-file', 'This is not a regular file (a pipe, a socket or a device); it is not read.');
  if (root) {
    const real = realpathSync(path);
    const base = realpathSync(root);
    if (real !== base && !real.startsWith(base.endsWith(sep) ? base : base + sep)) throw new IngestError('not-a-file', 'This file now lies outside the archive folder (a folder on its way was replaced by a link); it is not read.');
  }
  if (size > MAX_FILE_BYTES) throw new IngestError('too-large', `The file is ${Math.round(size / 1048576)} MB; releases over ${MAX_FILE_BYTES / 1048576} MB are not read.`);
}

export function readArchiveFileSync(path: string, root?: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    throw openError(err as NodeJS.ErrnoException);
  }
  try {
    const st = fstatSync(fd);
    checkHandle(path, st.size, st.isFile(), root);
    const bytes = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, bytes, at, st.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

export async function readArchiveFile(path: string, root?: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (err) {
    throw openError(err as NodeJS.ErrnoException);
  }
  try {
    const st = await handle.stat();
    checkHandle(path, st.size, st.isFile(), root);
    const bytes = Buffer.allocUnsafe(st.size);
    const { bytesRead } = await handle.read(bytes, 0, st.size, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
