import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../../archive/cli/bench-documents.js';
import { IngestError } from '../../archive/ingest/errors.js';
import { readRelease } from '../../archive/ingest/read.js';
import { parseQuery } from '../../archive/search/query.js';
import { ReleaseIndex } from '../../archive/search/release-index.js';
import { makeRelease } from '../support/make-release.js';

/**
 * Any input, a result or a typed error, quickly: property tests (fast-check) for each reader and
 * for the query parser. Inputs are drawn from the pieces each format is made of, so that the
 * parsers meet their own syntax in every odd arrangement, and from damaged real files.
 */
const BOUND_MS = 3000;

async function readsOrRefuses(name: string, bytes: Uint8Array): Promise<void> {
  const started = performance.now();
  try {
    const release = await readRelease(`/archive/${name}`, bytes, { size: bytes.length, mtimeMs: 0 });
    expect(typeof release.title).toBe('string');
    expect(release.text.startsWith(release.title)).toBe(true);
  } catch (err) {
    if (!(err instanceof IngestError)) throw new Error(`${name}: not a typed error: ${(err as Error)?.stack ?? String(err)}`);
  }
  expect(performance.now() - started, name).toBeLessThan(BOUND_MS);
}

const pieces = (list: string[]): fc.Arbitrary<string> => fc.array(fc.oneof(fc.constantFrom(...list), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 120 }).map((p) => p.join(''));

const htmlPieces = pieces(['<html>', '<body>', '<div>', '</div>', '<p>', '</p>', '<h1>', '</h1>', '<script>', '</script>', '<!--', '-->', '<![CDATA[', '&amp;', '&#x0;', '&#99999999;', '<meta charset="x">', '<title>', '<br>', '<table><tr><td>', '"', "'", '=', '<a href="javascript:x">', 'Bern, 12.03.2021 -', 'Suisse', 'Japan']);
const markdownPieces = pieces(['---\n', 'title: ', 'date: ', '\n', '# ', '## ', '* ', '** ', '_', '`', '```', '> ', '- ', '1. ', '[', '](', ')', '![', '<div>', '|', '    ', '\\', 'Berne, 9 octobre 2019', 'Japon', '«', '»', '“', '”']);
const textPieces = pieces(['\n', '\n\n', '  • ', '09 Oct. 2019', ' - ', 'Berne - ', '“', '”', '«', '»', ' said ', ' a déclaré ', 'Japon', 'Georgia', 'Jordan', 'Chad', '\u00a0', '\r\n', '\t', 'É', 'œ']);

describe('every reader gives a release or a typed error, quickly, whatever the input', () => {
  it('text', async () => {
    await fc.assert(fc.asyncProperty(textPieces, async (t) => readsOrRefuses('a.txt', new TextEncoder().encode(t))), { numRuns: 150 });
  });

  it('saved web pages', async () => {
    await fc.assert(fc.asyncProperty(htmlPieces, async (t) => readsOrRefuses('a.html', new TextEncoder().encode(t))), { numRuns: 150 });
  });

  it('Markdown', async () => {
    await fc.assert(fc.asyncProperty(markdownPieces, async (t) => readsOrRefuses('a.md', new TextEncoder().encode(t))), { numRuns: 150 });
  });

  it('any bytes under any name', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom('a.txt', 'a.html', 'a.md', 'a.pdf', 'a.docx'), fc.uint8Array({ maxLength: 3000 }), async (name, bytes) => readsOrRefuses(name, bytes)), { numRuns: 150 });
  });

  it('PDF and Word files damaged anywhere', async () => {
    const pdf = await makePdf({ title: 'Accord avec le Japon', dateLine: 'Berne, 9 octobre 2019', paragraphs: ['La Suisse et le Japon ont signé un accord.', 'Le ministre a déclaré : « Un jour important pour nos deux pays. »'] });
    const docx = await makeDocx({ title: 'Accord avec le Japon', dateLine: 'Berne, 9 octobre 2019', paragraphs: ['La Suisse et le Japon ont signé un accord.'] });
    const damaged = (file: Uint8Array): fc.Arbitrary<Uint8Array> =>
      fc.tuple(fc.array(fc.tuple(fc.nat(file.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), fc.option(fc.nat(file.length - 1))).map(([flips, cut]) => {
        const copy = new Uint8Array(file);
        for (const [at, value] of flips) copy[at] = value;
        return cut === null ? copy : copy.subarray(0, cut);
      });
    await fc.assert(fc.asyncProperty(damaged(pdf), async (b) => readsOrRefuses('a.pdf', b)), { numRuns: 80 });
    await fc.assert(fc.asyncProperty(damaged(docx), async (b) => readsOrRefuses('a.docx', b)), { numRuns: 80 });
  });
});

describe('the query parser', () => {
  const queryPieces = pieces(['"', '-', '+', '*', 'OR', 'AND', 'NOT', '(', ')', 'title:', 'country:', ':', ' ', 'Japon', 'défense', 'é', '\\', '\u0000', '“', '”', '«']);
  const index = new ReleaseIndex();
  for (const r of [makeRelease({ title: 'Accord avec le Japon', body: 'La Suisse et le Japon coopèrent en matière de défense.', language: 'fr', published: '2019-10-09' })]) index.add(r);

  it('reads any query, says what it did, and answers it quickly', () => {
    fc.assert(
      fc.property(fc.oneof(queryPieces, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 })), (q) => {
        const started = performance.now();
        const parsed = parseQuery(q);
        expect(Array.isArray(parsed.notices)).toBe(true);
        const result = index.search({ query: q, limit: 20 }, parsed);
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 500 },
    );
  });
});
