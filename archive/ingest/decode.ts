import iconv from 'iconv-lite';
import type { TextEncoding } from '../api/types.js';
import { IngestError } from './errors.js';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Bytes that Windows-1252 leaves undefined: their presence means the file is not cp1252 text. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * The single place where bytes become text. Handles BOMs (UTF-8, UTF-16 LE/BE), plain UTF-8,
 * and Windows-1252 (through iconv-lite: Node 20's own decoder maps 0x80–0x9F wrongly).
 * Throws IngestError for binary data and for broken UTF-8.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new IngestError('empty', 'The file is empty.');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = strictUtf8(buf.subarray(3));
    if (text === null) {
      throw new IngestError('invalid-encoding', `The file declares UTF-8 (byte order mark) but holds invalid UTF-8 at byte ${firstInvalidUtf8(buf.subarray(3)) + 3}.`);
    }
    return { text: normaliseText(text), encoding: 'utf-8' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: normaliseText(iconv.decode(buf.subarray(2), 'utf-16le')), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: normaliseText(iconv.decode(buf.subarray(2), 'utf-16be')), encoding: 'utf-16be' };

  const sample = buf.subarray(0, 8192);
  if (sample.includes(0)) {
    throw new IngestError('binary', 'The file holds binary data (NUL bytes), not text.');
  }
  const utf8 = strictUtf8(buf);
  if (utf8 !== null) {
    assertTextual(utf8);
    return { text: normaliseText(utf8), encoding: 'utf-8' };
  }
  // Not UTF-8. A file that is mostly valid multi-byte UTF-8 with a few broken sequences is damaged
  // UTF-8, not Windows-1252 (whose accented letters never form valid UTF-8 pairs in real prose).
  const validSequences = countUtf8Sequences(buf);
  if (validSequences > 0) {
    throw new IngestError('invalid-encoding', `The file is UTF-8 with invalid bytes (first at byte ${firstInvalidUtf8(buf)}); it may be truncated or damaged.`);
  }
  for (const byte of buf) {
    if (CP1252_UNDEFINED.has(byte)) {
      throw new IngestError('invalid-encoding', `The file is neither UTF-8 nor Windows-1252 text (byte 0x${byte.toString(16)}).`);
    }
  }
  const text = iconv.decode(buf, 'windows-1252');
  assertTextual(text);
  return { text: normaliseText(text), encoding: 'cp1252' };
}

function strictUtf8(buf: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

/** Counts well-formed 2–4 byte UTF-8 sequences. */
function countUtf8Sequences(buf: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) continue;
    let ok = i + len <= buf.length;
    for (let k = 1; ok && k < len; k++) ok = (buf[i + k]! & 0xc0) === 0x80;
    if (ok) {
      count++;
      i += len - 1;
    }
  }
  return count;
}

function firstInvalidUtf8(buf: Uint8Array): number {
  let lo = 0;
  let hi = buf.length;
  // Binary search for the shortest prefix that fails to decode (streaming decode tolerates a cut).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strictUtf8Prefix(buf.subarray(0, mid + 1))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function strictUtf8Prefix(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Rejects text that is mostly control characters (binary renamed .txt). */
function assertTextual(text: string): void {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c < 0xa0)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.02) {
    throw new IngestError('binary', 'The file holds binary data, not text.');
  }
}

/** Line endings to \n, no-break spaces kept as spaces, Unicode NFC. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').normalize('NFC');
}
