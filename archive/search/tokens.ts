import { isCapitalName } from '../enrich/countries.js';
import { foldKeepLength } from '../enrich/fold.js';

/**
 * The one normaliser shared by indexing and queries, so that both always agree: case and
 * accents folded (États → etats), apostrophe elisions split (l’OTAN → otan), and a light stemmer
 * for each language that brings a word's inflections together, and only them: défense and
 * défenses → defens in French, countries → country in English. Each word of a release is stemmed
 * as its release's language, so French and English words never fold into one another's terms
 * (Corée stays apart from core, Inde from index); a query word is looked up in both forms.
 */
export function stemEn(word: string): string {
  const w = word;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

export function stemFr(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  if (w.endsWith('aux') && w.length > 5) return `${w.slice(0, -3)}al`;
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  else if (/(?:eu|ou|au)x$/.test(w)) w = w.slice(0, -1);
  // The feminine -e (internationale, défense), but not the -ée of a name or a participle (Corée, armée).
  if (w.endsWith('e') && w.length > 4 && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/** French words are stemmed as French; every other language as English. */
export function stem(word: string, language: string): string {
  return language === 'fr' ? stemFr(word) : stemEn(word);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Stemmed terms of a text in a language, in order, as one space-separated string (what the index stores). */
export function termString(text: string, language: string): string {
  let out = '';
  for (const m of foldKeepLength(text).matchAll(WORD)) {
    // Single letters are French elisions (l’, d’) and initials: not worth indexing.
    if (m[0].length === 1 && !/\d/.test(m[0])) continue;
    out += (out ? ' ' : '') + stem(m[0], language);
  }
  return out;
}

/** Stemmed terms of a query word or phrase, as English and as French. */
export function terms(text: string): { en: string[]; fr: string[] } {
  const en = termString(text, 'en');
  const fr = termString(text, 'fr');
  return { en: en ? en.split(' ') : [], fr: fr ? fr.split(' ') : [] };
}

/** The index term that stands for a country wherever a release names it as such (Japon, Japanese, Tokyo). */
export function countryTerm(code: string): string {
  return `@${code.toLowerCase()}`;
}

/** The terms of a release's title and body, space-separated with a space at each end. */
export interface ReleaseTerms {
  titleTerms: string;
  bodyTerms: string;
}

/** The mentions by which a query finds a country: its names and adjectives, not its capital alone. */
export function namingEvidence<E extends { text: string }>(evidence: E[]): E[] {
  return evidence.filter((e) => !isCapitalName(e.text));
}

/**
 * A release's terms, with one country term for each country it names, in the title's terms when
 * the title names it: a country is found by its term, not by words that may be something else
 * (chine, the porcelain; Turkey, the bird).
 */
export function termsOfRelease(release: { text: string; title: string; language: string; countries?: { code: string; evidence: { text: string; start: number }[] }[] }): ReleaseTerms {
  const body = release.text.slice(release.title.length);
  const named = (release.countries ?? []).map((c) => ({ code: c.code, at: namingEvidence(c.evidence).map((e) => e.start) }));
  const inTitle = named.filter((c) => c.at.some((s) => s < release.title.length)).map((c) => countryTerm(c.code));
  const inBody = named.filter((c) => c.at.some((s) => s >= release.title.length)).map((c) => countryTerm(c.code));
  const join = (words: string, extra: string[]): string => ` ${[words, ...extra].filter(Boolean).join(' ')} `;
  return { titleTerms: join(termString(release.title, release.language), inTitle), bodyTerms: join(termString(body, release.language), inBody) };
}
