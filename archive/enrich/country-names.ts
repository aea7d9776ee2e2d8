import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { fold } from './fold.js';

/**
 * Partner countries from a maintained dataset: `world-countries` (names, official names,
 * alternative spellings, English and French demonyms, capitals) and `i18n-iso-countries`
 * (the English and French names with their usual variants). Only a short list of French
 * exonyms for capitals is kept here, because neither dataset has them.
 */

const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
const worldCountries = require('world-countries') as Countries;
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json'));
isoCountries.registerLocale(require('i18n-iso-countries/langs/fr.json'));

const FRENCH_CAPITALS: Record<string, string[]> = {
  GB: ['Londres'], CN: ['Pékin'], RU: ['Moscou'], PL: ['Varsovie'], AT: ['Vienne'], CH: ['Berne'],
  BE: ['Bruxelles'], DK: ['Copenhague'], PT: ['Lisbonne'], GR: ['Athènes'], EG: ['Le Caire'], DZ: ['Alger'],
  IR: ['Téhéran'], IQ: ['Bagdad'], SY: ['Damas'], LB: ['Beyrouth'], UA: ['Kiev', 'Kyïv'], RO: ['Bucarest'],
  KR: ['Séoul'], GE: ['Tbilissi'], AM: ['Erevan', 'Érévan'], AZ: ['Bakou'], MX: ['Mexico'], IT: ['Rome'],
  SE: ['Stockholm'], NO: ['Oslo'], FI: ['Helsinki'], IE: ['Dublin'], CZ: ['Prague'], HU: ['Budapest'],
  IN: ['New Delhi', 'New Dehli'], MA: ['Rabat'], TN: ['Tunis'], SA: ['Riyad'], AF: ['Kaboul'], ET: ['Addis-Abeba'],
  LY: ['Tripoli'], MD: ['Chisinau'], US: ['Washington D.C.'], CU: ['La Havane'], SG: ['Singapour'],
};

/** Capitals that are also common words or names elsewhere: never evidence on their own. */
const UNRELIABLE_CAPITALS = new Set(['victoria', 'kingston', 'male', 'georgetown', 'nassau', 'santiago', 'san jose', 'luxembourg', 'monaco', 'singapore', 'djibouti', 'mexico', 'kuwait city', 'panama city', 'guatemala city', 'vatican city', 'city of san marino', 'tripoli', 'valletta', 'praia', 'castries', 'roseau', 'apia', 'suva', 'sucre', 'kingstown', 'basseterre', 'st. george\'s', 'saint john\'s', 'hamilton', 'moroni', 'lima', 'rome', 'paris', 'london', 'washington d.c.', 'bern', 'berne']);
// Paris, London, Rome, Bern: cities of conferences and datelines; their countries need their own names.

/** Names that are also words, people or places elsewhere: need corroboration. */
const NEEDS_CORROBORATION = new Set(['georgia', 'georgian', 'georgians', 'jordan', 'chad', 'turkey', 'indians']);

/** Words standing just before a name that make it something else. */
export const BLOCKING_PREFIX: Record<string, RegExp> = {
  mexico: /\bnew\s+$/i,
  mexican: /\bnew\s+$/i,
  mexicans: /\bnew\s+$/i,
  indian: /(?<!\p{L})(?:american|native|oc[ée]an)\s+$/iu,
  indians: /\b(?:american|native)\s+$/i,
  indien: /(?<!\p{L})oc[ée]an\s+$/iu,
  georgie: /(?<!\p{L})[ée]tat(?:\s+am[ée]ricain)?\s+de\s+$/iu,
  guinea: /\b(?:new|papua new)\s+$/i,
  ireland: /\bnorthern\s+$/i,
  samoa: /\bamerican\s+$/i,
  georgia: /\b(?:atlanta|savannah|state of|southern|northern|south|north)[,\s]+$/i,
  jordan: /\b(?:michael|vernon|jim|barbara|river)\s+$/i,
  washington: /\b(?:george|denzel)\s+$/i,
};

/** Words standing just after a name that make it something else (Indian Ocean, Indian tribes, Indiens d'Amérique). */
export const BLOCKING_SUFFIX: Record<string, RegExp> = {
  indian: /^\s+(?:tribes?|tribal|country|affairs|health|nations?|reservations?|ocean|education|lands?|communit(?:y|ies)|gaming|child|children|boarding)\b/i,
  indians: /^\s+(?:tribes?|of\s+(?:north\s+)?america)\b/i,
  indien: /^\s+d['’]am[ée]rique\b/i,
  indiens: /^\s+d['’]am[ée]rique\b/i,
  georgia: /^[,\s]+(?:(?:state|governor|senator|county|congressman|congresswoman|representative)\b|u\.?s\.?a?\b)/i,
};

/**
 * Contexts that make a word that needs corroboration a country on its own: "the country of
 * Georgia", "President of Georgia", "the Georgian people".
 */
export const CONFIRMING_CONTEXT: Record<string, { before?: RegExp; after?: RegExp }> = {
  georgia: { before: /\b(?:country|republic|president|prime minister|government|parliament|foreign minister|minister of foreign affairs|people|embassy|ambassador|sovereignty|territorial integrity|occupied territories)\s+of\s+$/i, after: /^\s+(?:and|,)\s+(?:ukraine|moldova|armenia|azerbaijan)\b/i },
  georgian: { after: /^\s+(?:people|government|authorities|president|prime minister|parliament|dream|troops|armed forces|foreign minister|counterparts?|soldiers|territory|leadership|citizens|lari)\b/i },
  georgians: { after: /^\s+(?:and\s+ukrainians|in\s+tbilisi)\b/i },
  jordan: { before: /\b(?:kingdom of|king of|hashemite kingdom of|government of|embassy of|people of)\s+$/i },
  chad: { before: /\b(?:republic of|government of|president of|people of|lake)\s+$/i },
  turkey: { before: /\b(?:republic of|government of|president of|people of|ankara,)\s+$/i, after: /^\s+(?:and|,)\s+(?:greece|syria|iraq|russia)\b/i },
};

export type TermKind = 'name' | 'adjective' | 'capital' | 'acronym';
export interface Term {
  codes: string[];
  kind: TermKind;
  /** French adjectives are written in lower case; everything else must start with a capital. */
  anyCase: boolean;
  exact: string | null;
  weak: boolean;
}

export interface CountryInfo {
  code: string;
  en: string;
  fr: string;
  flag: string;
  /** Every folded form that names this country, in both languages. */
  forms: string[];
  /** Its names and adjectives in English and French, as written (for query expansion). */
  queryForms: string[];
}

const partnerCodes = new Set(
  worldCountries.filter((c) => c.independent || c.unMember || ['TW', 'PS', 'XK'].includes(c.cca2)).map((c) => c.cca2),
);

export const terms = new Map<string, Term>();
/** Every capital by its folded name, the unreliable ones too (a dateline city is unambiguous). */
const capitals = new Map<string, string>();
const countryInfo = new Map<string, CountryInfo>();

function addTerm(raw: string, code: string, kind: TermKind, anyCase = false): void {
  const text = raw.trim();
  if (text.length < 2 || /[^\p{Script=Latin}\p{M}\s.'’\-()]/u.test(text)) return;
  if (kind === 'capital' && UNRELIABLE_CAPITALS.has(fold(text))) return;
  const key = fold(text);
  const info = countryInfo.get(code);
  if (info && (kind === 'name' || kind === 'adjective') && !info.queryForms.some((f) => fold(f) === key)) info.queryForms.push(text);
  const existing = terms.get(key);
  if (existing) {
    if (!existing.codes.includes(code)) existing.codes.push(code);
    if (anyCase) existing.anyCase = true;
    return;
  }
  info?.forms.push(key);
  terms.set(key, {
    codes: [code],
    kind,
    anyCase,
    exact: kind === 'acronym' ? text : null,
    weak: NEEDS_CORROBORATION.has(key),
  });
}

function frenchPlural(word: string): string[] {
  if (/[sx]$/.test(word)) return [word];
  return [word, `${word}s`];
}
function englishPlural(word: string): string[] {
  return /(?:an|i|er)$/.test(word) ? [word, `${word}s`] : [word];
}

for (const c of worldCountries) {
  if (!partnerCodes.has(c.cca2)) continue;
  const code = c.cca2;
  const fr = c.translations['fra']?.common ?? isoCountries.getName(code, 'fr') ?? c.name.common;
  const flag = String.fromCodePoint(...[...code].map((ch) => 0x1f1e6 + ch.charCodeAt(0) - 65));
  countryInfo.set(code, { code, en: c.name.common, fr, flag, forms: [], queryForms: [] });
  const names = new Set<string>([c.name.common, c.name.official]);
  const fra = c.translations['fra'];
  if (fra) {
    names.add(fra.common);
    names.add(fra.official);
  }
  for (const n of isoCountries.getName(code, 'en', { select: 'all' }) ?? []) names.add(n);
  for (const n of isoCountries.getName(code, 'fr', { select: 'all' }) ?? []) names.add(n);
  for (const alt of c.altSpellings) {
    if (alt === code) continue;
    if (/^[A-Z.]{2,}$/.test(alt)) addTerm(alt, code, 'acronym');
    // Single-word alternatives are native names (Nippon, Island, Hellas) that are ordinary words
    // or brand names in English and French text; only multi-word forms are kept.
    else if (/[\s-]/.test(alt)) names.add(alt);
  }
  for (const n of names) {
    if (/^[A-Z.]{2,5}$/.test(n)) addTerm(n, code, 'acronym');
    else {
      addTerm(n, code, 'name');
      // "Korea, Republic of" → "Republic of Korea"
      const inverted = /^([^,]+), (.+)$/.exec(n);
      if (inverted) addTerm(`${inverted[2]} ${inverted[1]}`, code, 'name');
      // French names without the accent on a capital: "Etats-Unis" for "États-Unis".
    }
  }
  const dem = c.demonyms as Record<string, { f: string; m: string } | undefined>;
  for (const w of new Set([dem['eng']?.m, dem['eng']?.f])) if (w) for (const p of englishPlural(w)) addTerm(p, code, 'adjective');
  for (const w of new Set([dem['fra']?.m, dem['fra']?.f])) if (w) for (const p of frenchPlural(w.toLowerCase())) addTerm(p, code, 'adjective', true);
  for (const cap of [...c.capital, ...(FRENCH_CAPITALS[code] ?? [])]) {
    addTerm(cap, code, 'capital');
    capitals.set(fold(cap), code);
  }
}
// The bare words shared by two states (the Koreas, the Congos) are resolved by the evidence.
for (const [key, code] of [['korea', 'KR'], ['korea', 'KP'], ['coree', 'KR'], ['coree', 'KP'], ['congo', 'CD'], ['congo', 'CG']] as const) {
  const t = terms.get(key);
  if (t && !t.codes.includes(code)) t.codes.push(code);
  if (!t) terms.set(key, { codes: [code], kind: 'name', anyCase: false, exact: null, weak: false });
}

const WORD = /[\p{L}\p{N}]+/gu;
/** For each word that starts a term, the most words such a term has: the scan tries longest first. */
const termStarts = new Map<string, number>();
for (const key of terms.keys()) {
  const words = key.match(WORD) ?? [];
  if (words[0]) termStarts.set(words[0], Math.max(termStarts.get(words[0]) ?? 0, words.length));
}

/** Whether the words just before `end` are a country's term ("united states" before "-canada"). */
function afterCountry(folded: string, end: number): boolean {
  const before = folded.slice(Math.max(0, end - 40), end);
  const words = before.match(/[\p{L}\p{N}.]+/gu) ?? [];
  for (let k = 1; k <= Math.min(4, words.length); k++) if (terms.has(words.slice(-k).join(' '))) return true;
  return false;
}

/** Every term in folded text, longest first at each word, as [start, end, key]. */
export function scanTerms(folded: string): [number, number, string][] {
  const words: [number, number][] = [];
  for (const m of folded.matchAll(WORD)) words.push([m.index, m.index + m[0].length]);
  const found: [number, number, string][] = [];
  for (let i = 0; i < words.length; i++) {
    const start = words[i]![0];
    // The second half of a compound ("franco-suisse") is not a mention, unless the first half is a country too ("United States-Canada").
    if (start > 0 && folded[start - 1] === '-' && /[\p{L}]/u.test(folded[start - 2] ?? '') && !afterCountry(folded, start - 1)) continue;
    const longest = termStarts.get(folded.slice(start, words[i]![1]));
    if (longest === undefined) continue;
    for (let k = Math.min(longest, words.length - i); k >= 1; k--) {
      const end = words[i + k - 1]![1];
      let key = folded.slice(start, end);
      let stop = end;
      if (!terms.has(key) && folded[end] === '.' && terms.has(`${key}.`)) {
        key = `${key}.`;
        stop = end + 1;
      }
      if (terms.has(key)) {
        found.push([start, stop, key]);
        i += k - 1;
        break;
      }
    }
  }
  return found;
}

export function allCountries(): CountryInfo[] {
  return [...countryInfo.values()].sort((a, b) => a.en.localeCompare(b.en));
}

export function countryByCode(code: string): CountryInfo | undefined {
  return countryInfo.get(code.toUpperCase());
}

/** The country a word or phrase names, if it names exactly one. */
export function countryForTerm(word: string): CountryInfo | undefined {
  const t = terms.get(fold(word));
  return t && t.codes.length === 1 ? countryInfo.get(t.codes[0]!) : undefined;
}

/** Every country a word or phrase may name (Korea: both Koreas), for a query. */
export function countriesForTerm(word: string): CountryInfo[] {
  const key = fold(word).replace(/\s+/g, ' ').trim();
  const t = terms.get(key) ?? terms.get(key.replace(/-/g, ' ')) ?? terms.get(key.replace(/ /g, '-'));
  return (t?.codes ?? []).map((code) => countryInfo.get(code)).filter((c): c is CountryInfo => !!c);
}

/** Dateline cities that are venues more than capitals: a release from there is not about the country. */
const VENUES = new Set(['new york', 'bruxelles', 'brussels', 'strasbourg', 'the hague', 'la haye', 'davos']);
const CITIES: Record<string, string> = { washington: 'US', 'washington, d.c.': 'US', bern: 'CH', berne: 'CH', geneva: 'CH', geneve: 'CH', genf: 'CH', zurich: 'CH' };

/** The country of a dateline's city (a capital, or a city a desk officer's releases come from). */
export function countryOfCity(place: string | null): string | null {
  if (!place) return null;
  const key = fold(place).replace(/\s+/g, ' ').trim();
  if (VENUES.has(key)) return null;
  return CITIES[key] ?? capitals.get(key) ?? null;
}

/** Whether a mention names a country by its capital only (Tokyo for Japan): a place, not the country's name. */
export function isCapitalName(text: string): boolean {
  return terms.get(fold(text))?.kind === 'capital';
}
