import { Document, Encoder } from 'flexsearch';
import type { Facets, PressRelease, SearchHit, SearchRequest, Snippet } from '../api/types.js';
import { parseQuery, type Clause, type ParsedQuery } from './query.js';
import { termString, terms as termsOf, tokenize } from './tokens.js';

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
  release: PressRelease;
  /** Terms of the title and of the body, space-separated with a space at each end. */
  titleTerms: string;
  bodyTerms: string;
  countries: Set<string>;
  year: string | null;
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
}

export interface SearchOutcome {
  total: number;
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

  get size(): number {
    return this.byNo.size;
  }

  releases(): IterableIterator<IndexedRelease> {
    return this.byNo.values();
  }

  get(id: string): IndexedRelease | undefined {
    return this.byId.get(id);
  }

  /** Adds a release (terms may be given when they were stored with it). */
  add(release: PressRelease, stored?: { no: number; titleTerms: string; bodyTerms: string }, indexText = true): IndexedRelease {
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
      year: release.published?.slice(0, 4) ?? null,
    };
    this.byNo.set(no, entry);
    this.byId.set(release.id, entry);
    for (const term of new Set(`${t.titleTerms}${t.bodyTerms}`.split(' '))) if (term) this.vocabulary.set(term, (this.vocabulary.get(term) ?? 0) + 1);
    this.sortedVocabulary = null;
    if (indexText) this.doc.add({ no, title: t.titleTerms.trim(), body: t.bodyTerms.trim() });
    return entry;
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.doc.remove(entry.no);
    this.byId.delete(id);
    this.byNo.delete(entry.no);
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

  search(request: SearchRequest, parsed: ParsedQuery = parseQuery(request.query), expand?: Expander): SearchOutcome & { expansions: { term: string; added: string[] }[] } {
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
    const from = request.from ?? null;
    const to = request.to ?? null;
    const passCountry = (e: IndexedRelease): boolean => countries.length === 0 || countries.some((c) => e.countries.has(c));
    const passLanguage = (e: IndexedRelease): boolean => languages.length === 0 || languages.includes(e.release.language);
    const passDate = (e: IndexedRelease): boolean => {
      if (!from && !to) return true;
      const d = e.release.published;
      if (!d) return false;
      return (!from || d >= from) && (!to || d <= to);
    };

    const facets: Facets = { countries: {}, languages: {}, years: {} };
    const hits: Candidate[] = [];
    for (const [no, score] of matched) {
      const e = this.byNo.get(no);
      if (!e) continue;
      const c = passCountry(e);
      const l = passLanguage(e);
      const d = passDate(e);
      if (l && d) for (const code of e.countries) facets.countries[code] = (facets.countries[code] ?? 0) + 1;
      if (c && d) facets.languages[e.release.language] = (facets.languages[e.release.language] ?? 0) + 1;
      if (c && l && e.year) facets.years[e.year] = (facets.years[e.year] ?? 0) + 1;
      if (c && l && d) hits.push({ no, score });
    }

    const sort = request.sort ?? (groups.length === 0 ? '-date' : 'relevance');
    const dateOf = (no: number): string => this.byNo.get(no)!.release.published ?? '';
    // Undated releases come last whichever way the dates run.
    const undated = (a: Candidate, b: Candidate): number => Number(dateOf(a.no) === '') - Number(dateOf(b.no) === '');
    if (sort === 'relevance') hits.sort((a, b) => b.score - a.score || dateOf(b.no).localeCompare(dateOf(a.no)) || a.no - b.no);
    else if (sort === 'date') hits.sort((a, b) => undated(a, b) || dateOf(a.no).localeCompare(dateOf(b.no)) || a.no - b.no);
    else hits.sort((a, b) => undated(a, b) || dateOf(b.no).localeCompare(dateOf(a.no)) || a.no - b.no);

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

    const offset = Math.max(0, request.offset ?? 0);
    const limit = Math.min(500, Math.max(0, request.limit ?? 20));
    const highlightTerms = new Set(positive);
    const prefixes = parsed.required.flat().filter((c) => c.kind === 'prefix').map((c) => c.terms[0]!);
    for (const g of groups) for (const c of g) if (c.kind !== 'prefix') for (const t of c.terms) highlightTerms.add(t);
    const page = ordered.slice(offset, offset + limit).map((h) => this.toHit(h, highlightTerms, prefixes));
    return { total: ordered.length, hits: page, facets, query: parsed, expansions };
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

/** Ranges of the text whose words match the query's terms. */
export function highlightRanges(text: string, highlightTerms: Set<string>, prefixes: string[], from = 0): [number, number][] {
  const ranges: [number, number][] = [];
  for (const t of tokenize(text)) {
    if (t.start < from) continue;
    if (highlightTerms.has(t.term) || prefixes.some((p) => text.slice(t.start, t.end).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().startsWith(p))) ranges.push([t.start, t.end]);
  }
  return ranges;
}

const SNIPPET_LENGTH = 240;

function makeSnippet(release: PressRelease, highlightTerms: Set<string>, prefixes: string[]): Snippet {
  const bodyStart = Math.min(release.text.length, release.title.length + 2);
  const ranges = highlightTerms.size || prefixes.length ? highlightRanges(release.text, highlightTerms, prefixes, bodyStart) : [];
  let start = bodyStart;
  if (ranges.length) {
    start = Math.max(bodyStart, ranges[0]![0] - 70);
    if (start > bodyStart) {
      const space = release.text.indexOf(' ', start);
      if (space > 0 && space < ranges[0]![0]) start = space + 1;
    }
  }
  let end = Math.min(release.text.length, start + SNIPPET_LENGTH);
  if (end < release.text.length) {
    const space = release.text.lastIndexOf(' ', end);
    if (space > start + SNIPPET_LENGTH / 2) end = space;
  }
  const prefix = start > bodyStart ? '…' : '';
  const suffix = end < release.text.length ? '…' : '';
  const text = prefix + release.text.slice(start, end).replace(/\n+/g, ' ') + suffix;
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start + prefix.length, e - start + prefix.length]);
  return { text, highlights };
}

export { termsOf };
