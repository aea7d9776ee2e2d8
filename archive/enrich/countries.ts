import type { Evidence, PartnerCountry } from '../api/types.js';
import { BLOCKING_PREFIX, countryByCode, scanTerms, terms, type Term } from './country-names.js';
import { foldKeepLength } from './fold.js';
import type { OrganisationMention } from './organisations.js';

export { allCountries, countryByCode, countryForTerm, type CountryInfo } from './country-names.js';

interface Mention {
  codes: string[];
  term: Term;
  start: number;
  end: number;
}

const CAPITALISED = /^[\p{Lu}]/u;

/**
 * Partner countries of a release, with the evidence. `titleLength` marks where the title ends in
 * `text` (mentions there make a country primary). Organisation names are masked first.
 */
export function detectCountries(text: string, titleLength: number, organisations: OrganisationMention[] = []): PartnerCountry[] {
  let folded = foldKeepLength(text);
  for (const o of organisations) folded = folded.slice(0, o.start) + ' '.repeat(o.end - o.start) + folded.slice(o.end);

  const mentions: Mention[] = [];
  for (const [start, end, key] of scanTerms(folded)) {
    const term = terms.get(key);
    if (!term) continue;
    const original = text.slice(start, end);
    if (term.exact !== null) {
      if (original !== term.exact && original.replace(/\./g, '') !== term.exact.replace(/\./g, '')) continue;
    } else if (!term.anyCase && !CAPITALISED.test(original)) {
      continue;
    }
    const before = text.slice(Math.max(0, start - 20), start);
    const block = BLOCKING_PREFIX[key];
    if (block?.test(before)) continue;
    if (term.weak && looksLikePersonName(text, start, end)) continue;
    mentions.push({ codes: term.codes, term, start, end });
  }

  const strong = new Map<string, number>();
  for (const m of mentions) if (!m.term.weak && m.codes.length === 1) strong.set(m.codes[0]!, (strong.get(m.codes[0]!) ?? 0) + 1);

  const accepted = new Map<string, Mention[]>();
  const accept = (code: string, m: Mention): void => {
    const list = accepted.get(code) ?? [];
    list.push(m);
    accepted.set(code, list);
  };
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.codes.length > 1) {
      const supported = m.codes.filter((c) => strong.has(c));
      if (supported.length === 1) accept(supported[0]!, m);
      continue;
    }
    const code = m.codes[0]!;
    if (m.term.weak && !strong.has(code) && !inListOfCountries(text, mentions, i)) continue;
    accept(code, m);
  }

  const scored = [...accepted.entries()].map(([code, list]) => {
    let score = 0;
    let inTitle = false;
    for (const m of list) {
      if (m.start < titleLength) {
        inTitle = true;
        score += 4;
      } else score += 1;
    }
    return { code, list, score, inTitle };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored
    .map(({ code, list, score, inTitle }) => ({
      code,
      name: countryByCode(code)?.en ?? code,
      primary: inTitle || (score >= 4 && score >= best * 0.5),
      evidence: list.map((m): Evidence => ({ text: text.slice(m.start, m.end), start: m.start, end: m.end })),
      score,
    }))
    .sort((a, b) => Number(b.primary) - Number(a.primary) || b.score - a.score || a.code.localeCompare(b.code))
    .map(({ score: _score, ...country }) => country);
}

/** "Jordan Smith", "Michael Jordan", "Chad Wolf": a capitalised word right beside it. */
function looksLikePersonName(text: string, start: number, end: number): boolean {
  const after = /^\s+([\p{Lu}][\p{Ll}]+)/u.exec(text.slice(end, end + 30));
  if (after && !/^(?:And|Et|Or|Ou|In|En|On|At|The|Le|La|Les|Is|Has|Was|Will)$/.test(after[1]!)) return true;
  const before = /([\p{Lu}][\p{Ll}]+)\s+$/u.exec(text.slice(Math.max(0, start - 30), start));
  if (before && !/^(?:In|En|And|Et|With|Avec|To|From|The|Of|Kingdom|Republic|République|Royaume|De|Du|For|Pour)$/.test(before[1]!) && !/[.!?]\s*\S+\s+$/.test(text.slice(Math.max(0, start - 32), start))) {
    const sentenceStart = start - before[0].length;
    const prev = text.slice(Math.max(0, sentenceStart - 3), sentenceStart);
    if (!/(?:^|[.!?]\s*|\n\s*)$/.test(prev)) return true;
  }
  return false;
}

/** "Ukraine, Georgia and Moldova": a weak name listed beside other countries is a country. */
function inListOfCountries(text: string, mentions: Mention[], index: number): boolean {
  const m = mentions[index]!;
  const near = (other: Mention | undefined, gap: string): boolean => !!other && !other.term.weak && /^\s*(?:,|and|et|or|ou|&)\s*(?:the\s+|la\s+|le\s+|l')?$/i.test(gap);
  const prev = mentions[index - 1];
  const next = mentions[index + 1];
  return (
    (prev !== undefined && near(prev, text.slice(prev.end, m.start))) ||
    (next !== undefined && near(next, text.slice(m.end, next.start)))
  );
}
