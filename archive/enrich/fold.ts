/**
 * Folds case and accents one UTF-16 unit at a time, so that offsets in the folded text are the
 * offsets in the original (evidence and highlights point back into the text the reader shows).
 */
export function foldKeepLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (code < 0x80) {
      out += c.toLowerCase();
      continue;
    }
    if (c === '’' || c === 'ʼ' || c === '‘') {
      out += "'";
      continue;
    }
    const base = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += base.length === 1 ? base : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
  }
  return out;
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
