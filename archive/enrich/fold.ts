/**
 * Folds case and accents one UTF-16 unit at a time, so that offsets in the folded text are the
 * offsets in the original (evidence and highlights point back into the text the reader shows).
 */
export function foldKeepLength(text: string): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[i] = code >= 65 && code <= 90 ? code + 32 : code;
      continue;
    }
    let folded = foldedUnits.get(code);
    if (folded === undefined) {
      folded = foldUnit(code);
      foldedUnits.set(code, folded);
    }
    out[i] = folded;
  }
  let result = '';
  // fromCharCode takes its arguments on the stack: convert in slices.
  for (let i = 0; i < out.length; i += 8192) result += String.fromCharCode(...out.subarray(i, i + 8192));
  return result;
}

const foldedUnits = new Map<number, number>();

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
