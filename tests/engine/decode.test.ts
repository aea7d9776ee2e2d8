import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../archive/ingest/decode.js';
import { IngestError } from '../../archive/ingest/errors.js';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof IngestError ? err.code : 'not-an-ingest-error';
  }
};

/** Characters the decoder rejects (control codes) or normalises (CR, no-break space). */
function isControlOrSpaceVariant(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c) || (code >= 0x7f && code <= 0x9f) || code === 0xa0;
}

describe('decoding bytes to text', () => {
  const french = 'L’œuvre coûte 5 € — « déjà » été';

  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(Buffer.from(french, 'utf8'))).toEqual({ text: french, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(french, 'utf8')]))).toEqual({ text: french, encoding: 'utf-8' });
  });

  it('reads UTF-16 in both byte orders by their byte order mark', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(french, 'utf-16le')]))).toEqual({ text: french, encoding: 'utf-16le' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(french, 'utf-16be')]))).toEqual({ text: french, encoding: 'utf-16be' });
  });

  it('reads Windows-1252 with ’ € œ in the 0x80–0x9F range intact', () => {
    const bytes = iconv.encode(french, 'windows-1252');
    expect(bytes.includes(0x92)).toBe(true); // ’
    expect(bytes.includes(0x80)).toBe(true); // €
    expect(bytes.includes(0x9c)).toBe(true); // œ
    expect(decodeText(bytes)).toEqual({ text: french, encoding: 'cp1252' });
  });

  it('refuses empty files, binary data and damaged UTF-8 with a reason', () => {
    expect(codeOf(() => decodeText(new Uint8Array()))).toBe('empty');
    expect(codeOf(() => decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48])))).toBe('binary');
    const damaged = Buffer.concat([Buffer.from('Déjà vu, ', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(' été', 'utf8')]);
    expect(codeOf(() => decodeText(damaged))).toBe('invalid-encoding');
    const bomThenBroken = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('abc'), Buffer.from([0xff, 0xfe, 0xfd])]);
    expect(codeOf(() => decodeText(bomThenBroken))).toBe('invalid-encoding');
  });

  it('round-trips any text through UTF-8 and UTF-16 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => ![...s].some((ch) => isControlOrSpaceVariant(ch.codePointAt(0)!))), (s) => {
        const expected = s.normalize('NFC');
        expect(decodeText(Buffer.from(s, 'utf8')).text).toBe(expected);
        expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')])).text).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips Windows-1252 prose (property)', () => {
    const words = ['déjà', 'été', 'cœur', 'Œuvre', 'coût', '5 €', 'l’armée', '« défense »', '“cyber”', 'À', 'Genève', 'ÉTATS-UNIS', 'Ça', 'naïve', 'Noël', '—', '…', 'Zürich', 'the', 'Federal', 'Council', 'sécurité', 'Conseil', 'fédéral'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 60 }).map((a) => a.join(' ')), (s) => {
        const decoded = decodeText(iconv.encode(s, 'windows-1252'));
        expect(decoded.text).toBe(s.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });
});
