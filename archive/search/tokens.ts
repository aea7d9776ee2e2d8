import { foldKeepLength } from '../enrich/fold.js';

/**
 * The one normaliser shared by indexing and queries, so that both always agree: case and
 * accents folded (États → etats), apostrophe elisions split (l’OTAN → otan), and a light
 * English/French stemmer that brings plurals and feminine -e together (défense, defense,
 * défenses → defens; countries → country; internationaux → international).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('aux') && w.length > 5) w = `${w.slice(0, -3)}al`;
  else if ((w.endsWith('s') || w.endsWith('x')) && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Stemmed terms of a text, in order, as one space-separated string (what the index stores). */
export function termString(text: string): string {
  let out = '';
  for (const m of foldKeepLength(text).matchAll(WORD)) {
    // Single letters are French elisions (l’, d’) and initials: not worth indexing.
    if (m[0].length === 1 && !/\d/.test(m[0])) continue;
    out += (out ? ' ' : '') + stem(m[0]);
  }
  return out;
}

/** Stemmed terms of a query word or phrase. */
export function terms(text: string): string[] {
  const s = termString(text);
  return s ? s.split(' ') : [];
}

/** The terms of a release's title and body, space-separated with a space at each end. */
export interface ReleaseTerms {
  titleTerms: string;
  bodyTerms: string;
}

export function termsOfRelease(release: { text: string; title: string }): ReleaseTerms {
  const body = release.text.slice(release.title.length);
  return { titleTerms: ` ${termString(release.title)} `, bodyTerms: ` ${termString(body)} ` };
}
