import { Document, Encoder } from 'flexsearch';
import type { Facets, PressRelease, SearchHit, SearchRequest, Snippet } from '../api/types.js';
import { parseQuery, type Clause, type ParsedQuery } from './query.js';
import { escapeRegExp, foldKeepLength } from '../enrich/fold.js';
import { stem, termString } from './tokens.js';

/**
 * The full-text index: FlexSearch's Document index over two fields, title and body, each fed with
 * the terms of `tokens.ts` (folded and stemmed the same way as queries). FlexSearch finds the
 * releases holding a term and orders them; this class combines terms (AND, OR, NOT, phrases,
 * prefixes), applies the filters and counts the facets over its own per-release metadata.
 *
 * FlexSearch's tags are not used for the filters: its tag filtering over several fields loses
 * results (it checks only the first 100 matches), and the facets need the per-release countries,
 * language and year in memory anyway, so filtering on those same arrays is exact and as fast.
 */

export const INDEX_CONFIG = {
  fields: ['title', 'body'],
  tokenize: 'strict',
  encoder: 'liaison-terms-v1',
  titleBoost: 3,
} as const;

/** What the index keeps of each release in memory. */
export interface IndexedRelease {
  /** Small number FlexSearch knows the release by. */
  no: number;
  /** The release without its `paragraphs` (they are `text` again; see paragraphsOf). */
  release: PressRelease;
  /** Terms of the title and of the body, space-separated with a space at each end. */
  titleTerms: string;
  bodyTerms: string;
  countries: Set<string>;
  /** The same codes, the language and the year as small numbers (see `Labels`), for the facet loop. */
  countryIds: Uint16Array;
  languageId: number;
  yearId: number;
  language: string;
  published: string;
  year: string | null;
}

/** Facet values numbered, so that counting is done in typed arrays. */
class Labels {
  readonly names: string[] = [];
  private ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
  toCounts(counts: Int32Array): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out[this.names[i]!] = counts[i]!;
    return out;
  }
}

function createDocument(): Document {
  const encoder = new Encoder({ normalize: false, dedupe: false, numeric: false, split: ' ', minlength: 1, cache: false });
  return new Document({
    document: {
      id: 'no',
      index: [
        { field: 'title', tokenize: 'strict', encoder },
        { field: 'body', tokenize: 'strict', encoder },
      ],
    },
  } as ConstructorParameters<typeof Document>[0]);
}

export function termsOfRelease(release: PressRelease): { titleTerms: string; bodyTerms: string } {
  const body = release.text.slice(release.title.length);
  return { titleTerms: ` ${termString(release.title)} `, bodyTerms: ` ${termString(body)} ` };
}

interface Candidate {
  no: number;
  score: number;
  date: string;
}

export interface SearchOutcome {
  total: number;
  versions: number;
  hits: SearchHit[];
  facets: Facets;
  query: ParsedQuery;
}

export type Expander = (clause: Clause) => { clauses: Clause[]; added: string[] } | null;

export class ReleaseIndex {
  private doc = createDocument();
  private byNo = new Map<number, IndexedRelease>();
  private byId = new Map<string, IndexedRelease>();
  private nextNo = 1;
  private vocabulary = new Map<string, number>();
  private sortedVocabulary: string[] | null = null;
  private countryLabels = new Labels();
  private languageLabels = new Labels();
  private yearLabels = new Labels();
  /** Each release's place in date order (newest first, undated last), by its number. */
  private dateRank: Int32Array | null = null;

  get size(): number {
    return this.byNo.size;
  }

  releases(): IterableIterator<IndexedRelease> {
    return this.byNo.values();
  }

  get(id: string): IndexedRelease | undefined {
    return this.byId.get(id);
  }

  /**
   * Adds a release. When loading a stored index, its terms come with it, FlexSearch's index is
   * imported whole (`indexText` false) and the vocabulary is restored at once (`countTerms` false).
   */
  add(full: PressRelease, stored?: { no: number; titleTerms: string; bodyTerms: string }, indexText = true, countTerms = true): IndexedRelease {
    const release = full.paragraphs.length ? { ...full, paragraphs: [] } : full;
    if (this.byId.has(release.id)) this.remove(release.id);
    const no = stored?.no ?? this.nextNo++;
    this.nextNo = Math.max(this.nextNo, no + 1);
    const t = stored ?? termsOfRelease(release);
    const entry: IndexedRelease = {
      no,
      release,
      titleTerms: t.titleTerms,
      bodyTerms: t.bodyTerms,
      countries: new Set(release.countries.map((c) => c.code)),
      countryIds: Uint16Array.from(release.countries.map((c) => this.countryLabels.id(c.code))),
      languageId: this.languageLabels.id(release.language),
      yearId: this.yearLabels.id(release.published?.slice(0, 4) ?? ''),
      language: release.language,
      published: release.published ?? '',
      year: release.published?.slice(0, 4) ?? null,
    };
    this.byNo.set(no, entry);
    this.byId.set(release.id, entry);
    this.dateRank = null;
    if (countTerms) {
      for (const term of new Set(`${t.titleTerms}${t.bodyTerms}`.split(' '))) if (term) this.vocabulary.set(term, (this.vocabulary.get(term) ?? 0) + 1);
      this.sortedVocabulary = null;
    }
    if (indexText) this.doc.add({ no, title: t.titleTerms.trim(), body: t.bodyTerms.trim() });
    return entry;
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.doc.remove(entry.no);
    this.byId.delete(id);
    this.byNo.delete(entry.no);
    this.dateRank = null;
    for (const term of new Set(`${entry.titleTerms}${entry.bodyTerms}`.split(' '))) {
      if (!term) continue;
      const n = (this.vocabulary.get(term) ?? 1) - 1;
      if (n <= 0) this.vocabulary.delete(term);
      else this.vocabulary.set(term, n);
    }
    this.sortedVocabulary = null;
    return true;
  }

  /** Re-creates FlexSearch's index from the releases held (after many changes, or to compact). */
  rebuildText(): void {
    this.doc = createDocument();
    for (const e of this.byNo.values()) this.doc.add({ no: e.no, title: e.titleTerms.trim(), body: e.bodyTerms.trim() });
  }

  /** How many releases hold each term (for ranking and prefixes), to store and restore. */
  exportVocabulary(): [string, number][] {
    return [...this.vocabulary];
  }

  importVocabulary(entries: [string, number][]): void {
    this.vocabulary = new Map(entries);
    this.sortedVocabulary = null;
  }

  async exportText(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    await this.doc.export((key: string, data: string) => {
      out[key] = data;
    });
    return out;
  }

  async importText(data: Record<string, string>): Promise<void> {
    this.doc = createDocument();
    for (const [key, value] of Object.entries(data)) await this.doc.import(key, value);
  }

  setTranslations(links: Map<string, string[]>): void {
    for (const e of this.byNo.values()) e.release.translations = links.get(e.release.id) ?? [];
  }

  /** Releases (by number) whose title or body holds the term, with FlexSearch's order. */
  private lookup(term: string, field: 'all' | 'title'): Map<number, number> {
    const fields = field === 'title' ? ['title'] : ['title', 'body'];
    const results = this.doc.search({ query: term, field: fields, limit: this.byNo.size + 1, suggest: false } as Parameters<Document['search']>[0]) as unknown as { field: string; result: number[] }[];
    const scores = new Map<number, number>();
    for (const r of results) {
      const n = r.result.length;
      r.result.forEach((no, rank) => {
        const s = r.field === 'title' ? INDEX_CONFIG.titleBoost : 1 - (0.5 * rank) / (n + 1);
        scores.set(no, (scores.get(no) ?? 0) + s);
      });
    }
    return scores;
  }

  private prefixTerms(prefix: string): string[] {
    if (!this.sortedVocabulary) this.sortedVocabulary = [...this.vocabulary.keys()].sort();
    const v = this.sortedVocabulary;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < v.length && v[i]!.startsWith(prefix); i++) out.push(v[i]!);
    // The most common completions first; a very short prefix is capped to stay instant.
    return out.sort((a, b) => (this.vocabulary.get(b) ?? 0) - (this.vocabulary.get(a) ?? 0)).slice(0, 200);
  }

  private ranks(): Int32Array {
    if (!this.dateRank) {
      const entries = [...this.byNo.values()].sort((a, b) => (a.published === b.published ? a.no - b.no : a.published === '' ? 1 : b.published === '' ? -1 : a.published < b.published ? 1 : -1));
      const rank = new Int32Array(this.nextNo + 1);
      entries.forEach((e, i) => (rank[e.no] = i));
      this.dateRank = rank;
    }
    return this.dateRank;
  }

  private idf(term: string): number {
    const df = this.vocabulary.get(term) ?? 0;
    return Math.log(1 + (this.byNo.size + 1) / (df + 1));
  }

  /** Releases matching one clause, with a score. */
  private matchClause(clause: Clause): Map<number, number> {
    if (clause.kind === 'term') {
      const scores = this.lookup(clause.terms[0]!, clause.field);
      const w = this.idf(clause.terms[0]!);
      for (const [no, s] of scores) scores.set(no, s * w);
      return scores;
    }
    if (clause.kind === 'prefix') {
      const out = new Map<number, number>();
      for (const term of this.prefixTerms(clause.terms[0]!)) {
        const w = this.idf(term);
        for (const [no, s] of this.lookup(term, clause.field)) out.set(no, Math.max(out.get(no) ?? 0, s * w));
      }
      return out;
    }
    // Phrase: releases holding every word, then the words in order.
    let candidates: Map<number, number> | null = null;
    for (const term of clause.terms) {
      const scores = this.lookup(term, clause.field);
      const w = this.idf(term);
      if (candidates === null) {
        candidates = new Map([...scores].map(([no, s]) => [no, s * w]));
      } else {
        const next = new Map<number, number>();
        for (const [no, s] of candidates) {
          const t = scores.get(no);
          if (t !== undefined) next.set(no, s + t * w);
        }
        candidates = next;
      }
      if (candidates.size === 0) break;
    }
    const needle = ` ${clause.terms.join(' ')} `;
    const out = new Map<number, number>();
    for (const [no, s] of candidates ?? []) {
      const e = this.byNo.get(no)!;
      const inTitle = e.titleTerms.includes(needle);
      if (inTitle || (clause.field === 'all' && e.bodyTerms.includes(needle))) out.set(no, s + (inTitle ? 2 : 1));
    }
    return out;
  }

  /** The releases matching a request, ordered, with the facets: what every answer starts from. */
  private select(request: SearchRequest, parsed: ParsedQuery, expand?: Expander): { ordered: Candidate[]; versions: number; facets: Facets; expansions: { term: string; added: string[] }[] } {
    const expansions: { term: string; added: string[] }[] = [];
    const groups = parsed.required.map((group) => {
      const out: Clause[] = [];
      for (const clause of group) {
        out.push(clause);
        const x = expand?.(clause);
        if (x && x.added.length) {
          out.push(...x.clauses);
          expansions.push({ term: clause.raw, added: x.added });
        }
      }
      return out;
    });

    // Every group must match; within a group, the best clause counts.
    let matched: Map<number, number> | null = null;
    for (const group of groups) {
      const groupScores = new Map<number, number>();
      for (const clause of group) for (const [no, s] of this.matchClause(clause)) groupScores.set(no, Math.max(groupScores.get(no) ?? 0, s));
      if (matched === null) matched = groupScores;
      else {
        const next = new Map<number, number>();
        for (const [no, s] of matched) {
          const t = groupScores.get(no);
          if (t !== undefined) next.set(no, s + t);
        }
        matched = next;
      }
      if (matched.size === 0) break;
    }
    if (matched === null) {
      matched = new Map();
      for (const no of this.byNo.keys()) matched.set(no, 0);
    }

    for (const clause of parsed.excluded) for (const no of this.matchClause(clause).keys()) matched.delete(no);

    // A query that is a release's whole title puts that release first.
    const positive = parsed.required.flat().filter((c) => c.kind !== 'prefix').flatMap((c) => c.terms);
    if (positive.length >= 2 && parsed.required.every((g) => g.length === 1)) {
      const whole = ` ${positive.join(' ')} `;
      for (const [no, s] of matched) {
        const e = this.byNo.get(no)!;
        if (e.titleTerms === whole) matched.set(no, s + 100);
        else if (e.titleTerms.includes(whole)) matched.set(no, s + 10);
      }
    }

    const countries = (request.countries ?? []).map((c) => c.toUpperCase());
    const languages = request.languages ?? [];
    const from = request.from ?? '';
    const to = request.to ?? '';
    const anyCountry = countries.length === 0;
    const anyLanguage = languages.length === 0;
    const anyDate = !from && !to;

    // One pass: each facet counts under the other filters, the hits pass all of them.
    const countryCounts = new Int32Array(this.countryLabels.names.length);
    const languageCounts = new Int32Array(this.languageLabels.names.length);
    const yearCounts = new Int32Array(this.yearLabels.names.length);
    const hits: Candidate[] = [];
    for (const [no, score] of matched) {
      const e = this.byNo.get(no);
      if (!e) continue;
      let c = anyCountry;
      if (!c) for (let i = 0; i < countries.length && !c; i++) c = e.countries.has(countries[i]!);
      const l = anyLanguage || languages.includes(e.language);
      const d = anyDate || (e.published !== '' && (!from || e.published >= from) && (!to || e.published <= to));
      if (l && d) {
        const ids = e.countryIds;
        for (let i = 0; i < ids.length; i++) countryCounts[ids[i]!]!++;
      }
      if (c && d) languageCounts[e.languageId]!++;
      if (c && l && e.year) yearCounts[e.yearId]!++;
      if (c && l && d) hits.push({ no, score, date: e.published });
    }
    const facets: Facets = { countries: this.countryLabels.toCounts(countryCounts), languages: this.languageLabels.toCounts(languageCounts), years: this.yearLabels.toCounts(yearCounts) };

    const sort = request.sort ?? (groups.length === 0 ? '-date' : 'relevance');
    // Dates are compared through a precomputed rank (newest first, undated last): integer
    // comparisons keep sorting 20,000 hits in a few milliseconds.
    const rank = this.ranks();
    const undated = (a: Candidate, b: Candidate): number => Number(a.date === '') - Number(b.date === '');
    if (sort === 'relevance') hits.sort((a, b) => b.score - a.score || rank[a.no]! - rank[b.no]!);
    else if (sort === 'date') hits.sort((a, b) => undated(a, b) || rank[b.no]! - rank[a.no]!);
    else hits.sort((a, b) => rank[a.no]! - rank[b.no]!);

    let ordered = hits;
    if (request.groupTranslations) {
      const seen = new Set<string>();
      ordered = [];
      for (const h of hits) {
        const r = this.byNo.get(h.no)!.release;
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        for (const t of r.translations) seen.add(t);
        ordered.push(h);
      }
    }

    return { ordered, versions: hits.length, facets, expansions };
  }

  /** One page of hits, with snippets, and the facets. */
  search(request: SearchRequest, parsed: ParsedQuery = parseQuery(request.query), expand?: Expander): SearchOutcome & { expansions: { term: string; added: string[] }[] } {
    const { ordered, versions, facets, expansions } = this.select(request, parsed, expand);
    const offset = Math.max(0, request.offset ?? 0);
    const limit = Math.min(500, Math.max(0, request.limit ?? 20));
    const highlight = queryHighlights(parsed, expand);
    const page = ordered.slice(offset, offset + limit).map((h) => this.toHit(h, highlight.terms, highlight.prefixes));
    return { total: ordered.length, versions, hits: page, facets, query: parsed, expansions };
  }

  /** Every release matching the request, in order, without paging or snippets (for timelines). */
  matching(request: SearchRequest, parsed: ParsedQuery, expand?: Expander): PressRelease[] {
    return this.select(request, parsed, expand).ordered.map((h) => this.byNo.get(h.no)!.release);
  }

  private toHit(h: Candidate, highlightTerms: Set<string>, prefixes: string[]): SearchHit {
    const r = this.byNo.get(h.no)!.release;
    return {
      id: r.id,
      path: r.path,
      title: r.title,
      published: r.published,
      updated: r.updated,
      language: r.language,
      countries: r.countries.map((c) => c.code),
      primaryCountries: r.countries.filter((c) => c.primary).map((c) => c.code),
      score: Math.round(h.score * 1000) / 1000,
      snippet: makeSnippet(r, highlightTerms, prefixes),
      translations: r.translations.map((id) => this.byId.get(id)?.release).filter((t): t is PressRelease => !!t).map((t) => ({ id: t.id, language: t.language, title: t.title })),
    };
  }
}

const candidatePatterns = new Map<string, RegExp>();

/**
 * A pattern for the words that may stem to one of the terms: stemming only trims endings, so such
 * a word starts with the term less its last two letters. Only those words are then stemmed.
 */
function candidatePattern(highlightTerms: Set<string>, prefixes: string[]): RegExp {
  const starts = new Set<string>();
  for (const t of highlightTerms) starts.add(t.length > 4 ? t.slice(0, t.length - 2) : t);
  for (const p of prefixes) starts.add(p);
  const key = [...starts].sort().join('|');
  let re = candidatePatterns.get(key);
  if (!re) {
    const alternatives = [...starts].sort((a, b) => b.length - a.length).map(escapeRegExp);
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})[\\p{L}\\p{N}]*`, 'gu');
    if (candidatePatterns.size > 200) candidatePatterns.clear();
    candidatePatterns.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/** The terms (with their expansions) and prefixes a query highlights. */
export function queryHighlights(parsed: ParsedQuery, expand?: Expander): { terms: Set<string>; prefixes: string[] } {
  const terms = new Set<string>();
  const prefixes: string[] = [];
  for (const clause of parsed.required.flat()) {
    if (clause.kind === 'prefix') {
      prefixes.push(clause.terms[0]!);
      continue;
    }
    for (const t of clause.terms) terms.add(t);
    for (const added of expand?.(clause)?.clauses ?? []) for (const t of added.terms) terms.add(t);
  }
  return { terms, prefixes };
}

/** Ranges of the text whose words match the query's terms. */
export function highlightRanges(text: string, highlightTerms: Set<string>, prefixes: string[], from = 0): [number, number][] {
  if (highlightTerms.size === 0 && prefixes.length === 0) return [];
  const folded = foldKeepLength(text);
  const ranges: [number, number][] = [];
  for (const m of folded.matchAll(candidatePattern(highlightTerms, prefixes))) {
    if (m.index < from) continue;
    const word = m[0];
    if (highlightTerms.has(stem(word)) || prefixes.some((p) => word.startsWith(p))) ranges.push([m.index, m.index + word.length]);
  }
  return ranges;
}

const SNIPPET_LENGTH = 240;
const SCAN_CHUNK = 4000;

/** The first matching word at or after `from`, scanning the text a chunk at a time. */
function firstHit(text: string, highlightTerms: Set<string>, prefixes: string[], from: number): number | null {
  for (let at = from; at < text.length; at += SCAN_CHUNK) {
    // Chunks overlap by a word's length so that no word is cut in two.
    const end = Math.min(text.length, at + SCAN_CHUNK + 40);
    const ranges = highlightRanges(text.slice(at, end), highlightTerms, prefixes);
    const first = ranges.find(([s]) => s + at >= from);
    if (first) return first[0] + at;
  }
  return null;
}

function makeSnippet(release: PressRelease, highlightTerms: Set<string>, prefixes: string[]): Snippet {
  const text = release.text;
  const bodyStart = Math.min(text.length, release.title.length + 2);
  const hit = highlightTerms.size || prefixes.length ? firstHit(text, highlightTerms, prefixes, bodyStart) : null;
  let start = bodyStart;
  if (hit !== null) {
    start = Math.max(bodyStart, hit - 70);
    if (start > bodyStart) {
      const space = text.indexOf(' ', start);
      if (space > 0 && space < hit) start = space + 1;
    }
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + SNIPPET_LENGTH / 2) end = space;
  }
  const prefix = start > bodyStart ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const window = text.slice(start, end);
  const ranges = hit !== null ? highlightRanges(window, highlightTerms, prefixes) : [];
  return {
    text: prefix + window.replace(/\n/g, ' ') + suffix,
    highlights: ranges.map(([s, e]): [number, number] => [s + prefix.length, e + prefix.length]),
  };
}

