import type { AboutReason, Evidence, PartnerCountry, ReleaseOrigin } from '../api/types.js';
import { BLOCKING_PREFIX, BLOCKING_SUFFIX, CONFIRMING_CONTEXT, countryByCode, scanTerms, terms, type Term } from './country-names.js';
import { foldKeepLength } from './fold.js';
import type { OrganisationMention } from './organisations.js';

export { allCountries, countriesForTerm, countryByCode, countryForTerm, countryOfCity, isCapitalName, type CountryInfo } from './country-names.js';

interface Mention {
  codes: string[];
  term: Term;
  start: number;
  end: number;
  /** Its context says it is the country ("President of Georgia"), whatever else the text holds. */
  confirmed: boolean;
}

const CAPITALISED = /^[\p{Lu}]/u;

/** Words of a signed or negotiated text: a country beside them in a sentence is a party to it. */
const AGREEMENT = /\b(?:sign(?:s|ed|ing)?|agreements?|accords?|memorand(?:um|a)|treat(?:y|ies)|conventions?|protocols?|joint (?:statement|declaration)|sign[ée]e?s?|signature|trait[ée]s?|d[ée]claration commune|protocole)\b/iu;
/** A lead, a sentence naming more countries than this is a list (G7 members), not a subject. */
const MAX_SUBJECTS = 3;
/** How far into the body the release's own business runs, for agreements: its opening. */
const OPENING = 1500;
/** A transcript's first line: where and when ("Akasaka Palace, Tokyo, Japan 11:30 A.M. JST"), not its lead. */
const VENUE_LINE = /^.{0,200}\b\d{1,2}:\d{2}\s*[AP]\.?M\.?/;

export interface CountryContext {
  /** Where the title ends in the text. */
  titleLength: number;
  /** Organisation names, masked before countries are read ("Organization of American States"). */
  organisations?: OrganisationMention[];
}

/**
 * Partner countries of a release, with the evidence, and why the release is about a country when
 * it is (named in the title, in the lead, as a party to an agreement, or many times over). Only
 * mentions count as evidence; `about` here is the text's own reading, before the archive's home
 * countries are set aside (see the release index).
 */
export function detectCountries(text: string, context: CountryContext): PartnerCountry[] {
  const { titleLength, organisations = [] } = context;
  const mentions = findMentions(text, organisations);
  const accepted = new Map<string, Mention[]>();
  for (const [code, m] of acceptMentions(text, mentions)) accepted.set(code, [...(accepted.get(code) ?? []), m]);

  const reasons = new Map<string, Set<AboutReason>>();
  const because = (code: string, reason: AboutReason): void => {
    if (!reasons.has(code)) reasons.set(code, new Set());
    reasons.get(code)!.add(reason);
  };
  const all = [...accepted.entries()].flatMap(([code, list]) => list.map((m) => ({ code, m })));
  for (const { code, m } of all) if (m.start < titleLength) because(code, 'title');
  const named = (code: string): number => accepted.get(code)!.filter((m) => m.term.kind !== 'capital').length;
  // The lead: the first paragraph after the title (after a transcript's venue line), when it names
  // only a few countries. A country there counts when named (not only by its capital: a venue) and
  // named again in the release (not a passing reference).
  let leadStart = titleLength + 2;
  const firstEnd = text.indexOf('\n\n', leadStart);
  if (firstEnd > 0 && VENUE_LINE.test(text.slice(leadStart, firstEnd))) leadStart = firstEnd + 2;
  const leadEnd = Math.min(text.indexOf('\n\n', leadStart) < 0 ? text.length : text.indexOf('\n\n', leadStart), leadStart + 600);
  const inLead = new Set(all.filter(({ m }) => m.start >= leadStart && m.start < leadEnd && m.term.kind !== 'capital').map(({ code }) => code));
  if (inLead.size <= MAX_SUBJECTS) for (const code of inLead) if (named(code) >= 2) because(code, 'lead');
  // Parties to an agreement the release opens with (not one a long text mentions on its way).
  const opening = titleLength + 2 + OPENING;
  for (const sentence of sentencesOf(text, titleLength)) {
    if (sentence.start > opening) break;
    if (!AGREEMENT.test(text.slice(sentence.start, sentence.end))) continue;
    const parties = new Set(all.filter(({ m }) => m.start >= sentence.start && m.start < sentence.end).map(({ code }) => code));
    if (parties.size >= 1 && parties.size <= MAX_SUBJECTS) for (const code of parties) because(code, 'agreement');
  }
  const score = (list: Mention[]): number => list.reduce((n, m) => n + (m.start < titleLength ? 4 : 1), 0);
  const best = Math.max(0, ...[...accepted.values()].map(score));
  for (const [code, list] of accepted) if (score(list) >= 5 && score(list) >= best * 0.5) because(code, 'weight');

  return [...accepted.entries()]
    .map(([code, list]) => {
      const aboutBecause = ABOUT_ORDER.filter((r) => reasons.get(code)?.has(r));
      return {
        code,
        name: countryByCode(code)?.en ?? code,
        about: aboutBecause.length > 0,
        aboutBecause,
        home: false,
        evidence: list.map((m): Evidence => ({ text: text.slice(m.start, m.end), start: m.start, end: m.end })),
        score: score(list),
      };
    })
    .sort((a, b) => Number(b.about) - Number(a.about) || b.score - a.score || a.code.localeCompare(b.code))
    .map(({ score: _score, ...country }) => country);
}

const ABOUT_ORDER: AboutReason[] = ['title', 'lead', 'dateline', 'agreement', 'speaker', 'weight'];

/** Sentences of the body, roughly: enough to tell which countries share one. */
function sentencesOf(text: string, from: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const boundary = /[.!?;](?=\s+[\p{Lu}«“"])|\n\n/gu;
  boundary.lastIndex = from;
  let start = from;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    out.push({ start, end: m.index + 1 });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Every place in the text where a country's name, adjective, capital or acronym stands as such. */
function findMentions(text: string, organisations: OrganisationMention[]): Mention[] {
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
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 40);
    if (BLOCKING_PREFIX[key]?.test(before) || BLOCKING_SUFFIX[key]?.test(after)) continue;
    const confirming = CONFIRMING_CONTEXT[key];
    const confirmed = !!confirming && (!!confirming.before?.test(before) || !!confirming.after?.test(after));
    if (term.weak && !confirmed && looksLikePersonName(text, start, end)) continue;
    mentions.push({ codes: term.codes, term, start, end, confirmed });
  }
  return mentions;
}

/** Each mention given to the one country it names, where the rest of the text supports it. */
function* acceptMentions(text: string, mentions: Mention[]): Generator<[string, Mention]> {
  const strong = new Set<string>();
  for (const m of mentions) if ((!m.term.weak || m.confirmed) && m.codes.length === 1) strong.add(m.codes[0]!);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.codes.length > 1) {
      // The bare words shared by two states (Korea, Congo) go to the one the text supports.
      const supported = m.codes.filter((c) => strong.has(c));
      if (supported.length === 1) yield [supported[0]!, m];
      continue;
    }
    const code = m.codes[0]!;
    if (m.term.weak && !strong.has(code) && !inListOfCountries(text, mentions, i)) continue;
    yield [code, m];
  }
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

/**
 * The release's countries with what only the whole release tells: the country of a visit's
 * dateline, the countries of the officials it quotes, and its publisher's own country (never
 * about its own releases).
 */
export function withReleaseContext(countries: PartnerCountry[], origin: ReleaseOrigin, quoteRoles: string[]): PartnerCountry[] {
  const byCode = new Map(countries.map((c) => [c.code, { ...c, aboutBecause: [...c.aboutBecause] }]));
  const add = (code: string, reason: AboutReason): void => {
    let c = byCode.get(code);
    if (!c) {
      c = { code, name: countryByCode(code)?.en ?? code, about: false, aboutBecause: [], home: false, evidence: [] };
      byCode.set(code, c);
    }
    if (!c.aboutBecause.includes(reason)) c.aboutBecause = ABOUT_ORDER.filter((r) => r === reason || c!.aboutBecause.includes(r));
  };
  if (origin.datelineCountry) add(origin.datelineCountry, 'dateline');
  for (const role of quoteRoles) {
    const named = findMentions(role, []).filter((m) => m.codes.length === 1 && !m.term.weak);
    for (const m of named) if (byCode.has(m.codes[0]!)) add(m.codes[0]!, 'speaker');
  }
  return [...byCode.values()]
    .map((c) => {
      const home = c.code === origin.country;
      return { ...c, home, about: !home && c.aboutBecause.length > 0 };
    })
    .sort((a, b) => Number(b.about) - Number(a.about) || b.aboutBecause.length - a.aboutBecause.length || b.evidence.length - a.evidence.length || a.code.localeCompare(b.code));
}
