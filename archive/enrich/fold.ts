/**
 * Folds case and accents one UTF-16 unit at a time, so that offsets in the folded text are the
 * offsets in the original (evidence and highlights point back into the text the reader shows).
 */
export function foldKeepLength(text: string): string {
  // Plain ASCII (most English text): lower case is the whole of it, done natively.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[i] = code >= 65 && code <= 90 ? code + 32 : code;
      continue;
    }
    let folded = foldedUnits[code]!;
    if (folded === 0) folded = foldedUnits[code] = foldUnit(code);
    out[i] = folded;
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('utf16le');
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Each UTF-16 unit's folded form, filled as units are met (0: not yet). */
const foldedUnits = new Uint16Array(0x10000);

function foldUnit(code: number): number {
  const c = String.fromCharCode(code);
  if (c === '’' || c === 'ʼ' || c === '‘') return 39;
  // Lone surrogates (halves of astral characters) stay as they are.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const base = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (base.length === 1) return base.charCodeAt(0);
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** Case- and accent-insensitive form of a word or phrase (lengths may change). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’ʼ‘]/g, "'")
    .toLowerCase();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
