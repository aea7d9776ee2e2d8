import type { Facets, PressRelease, SearchHit, SearchRequest, TranslationRef } from '../api/types.js';
import { countryExpander, expandQuery, type ExpandedQuery, type Expander } from './expansion.js';
import { filterAndCount, Labels, type FacetFields } from './facets.js';
import { applyHome, detectHomeCountries } from './home.js';
import { dateRanks, groupPairs, orderHits } from './order.js';
import { makeSnippet, type Marks } from './highlights.js';
import { matchQuery, wholeTitleBonus, type TermSource } from './matcher.js';
import type { ParsedQuery } from './query.js';
import type { Scored } from './sets.js';
import { TEXT_INDEX_CONFIG, TextIndex } from './text-index.js';
import { suggestSpellings } from './spelling.js';
import { Vocabulary } from './vocabulary.js';
import type { TimelineRelease } from './timeline.js';
import { termsOfRelease, type ReleaseTerms } from './tokens.js';

/**
 * The releases of the archive as search sees them: each one's terms and facet values, the
 * vocabulary, and the text index (text-index.ts) that finds the releases holding a term. Matching
 * (matcher.ts), filters and facets (facets.ts) and snippets (highlights.ts) work over what this
 * class keeps of each release.
 *
 * FlexSearch's tags are not used for the filters: its tag filtering over several fields loses
 * results (it checks only the first 100 matches), and the facets need the per-release countries,
 * language and year in memory anyway, so filtering on those same arrays is exact and as fast.
 */

export const INDEX_CONFIG = TEXT_INDEX_CONFIG;

/** What the index keeps of each release in memory. */
export interface IndexedRelease extends FacetFields, ReleaseTerms {
  /** Small number FlexSearch knows the release by. */
  no: number;
  /** The release without its `paragraphs` (they are `text` again; see paragraphsOf). */
  release: PressRelease;
}

/** A release as the store keeps it: its number, its terms, and the release without paragraphs. */
export interface StoredRelease extends ReleaseTerms {
  no: number;
  release: Omit<PressRelease, 'paragraphs'>;
}

export interface SearchOutcome {
  total: number;
  versions: number;
  hits: SearchHit[];
  facets: Facets;
  expansions: { term: string; added: string[] }[];
  suggestions: { word: string; term: string; releases: number }[];
}


export class ReleaseIndex implements TermSource {
  private text = new TextIndex();
  private byNo = new Map<number, IndexedRelease>();
  private byId = new Map<string, IndexedRelease>();
  private nextNo = 1;
  private vocabulary = new Vocabulary();
  private labels = { countries: new Labels(), languages: new Labels(), years: new Labels() };
  /** The archive's home countries, and whether the desk officer set them (else they are found). */
  private home = new Set<string>();
  private homeSetting: string[] | null = null;
  /** Each release's place in date order (newest first, undated last), by its number. */
  private dateRank: Int32Array | null = null;
  /** While true, added releases wait for `endBulk()` to enter FlexSearch's index in one pass. */
  private deferText = false;

  constructor(private readonly expander: Expander | null = countryExpander) {}

  get size(): number {
    return this.byNo.size;
  }

  releases(): IterableIterator<IndexedRelease> {
    return this.byNo.values();
  }

  get(id: string): IndexedRelease | undefined {
    return this.byId.get(id);
  }

  private enter(release: PressRelease, no: number, terms: ReleaseTerms): IndexedRelease {
    if (this.byId.has(release.id)) this.remove(release.id);
    this.nextNo = Math.max(this.nextNo, no + 1);
    const year = release.published?.slice(0, 4) ?? '';
    const entry: IndexedRelease = {
      no,
      release,
      titleTerms: terms.titleTerms,
      bodyTerms: terms.bodyTerms,
      countries: new Set(release.countries.map((c) => c.code)),
      countryIds: Uint16Array.from(release.countries.map((c) => this.labels.countries.id(c.code))),
      about: new Set(),
      aboutIds: new Uint16Array(0),
      language: release.language,
      languageId: this.labels.languages.id(release.language),
      published: release.published ?? '',
      yearId: this.labels.years.id(year),
      versions: [],
    };
    this.applyHome(entry);
    this.byNo.set(no, entry);
    this.byId.set(release.id, entry);
    this.dateRank = null;
    return entry;
  }

  private applyHome(entry: IndexedRelease): void {
    applyHome(entry.release.countries, entry.release.origin, this.home);
    const about = entry.release.countries.filter((c) => c.about).map((c) => c.code);
    entry.about = new Set(about);
    entry.aboutIds = Uint16Array.from(about.map((code) => this.labels.countries.id(code)));
  }

  /** The home countries in force: set by the desk officer, or found from the releases. */
  homeCountries(): { codes: string[]; set: boolean } {
    return { codes: [...this.home], set: this.homeSetting !== null };
  }

  /**
   * Sets the home countries (null: find them from the releases) and what every release is about
   * accordingly. Called after each indexing run, since new releases may change what is found.
   */
  setHomeCountries(setting: string[] | null = this.homeSetting): void {
    this.homeSetting = setting;
    const codes = setting ?? detectHomeCountries([...this.byNo.values()].map((e) => e.release.origin));
    this.home = new Set(codes);
    for (const e of this.byNo.values()) this.applyHome(e);
  }

  /** Adds a newly read release (its terms computed here unless the reader already did). */
  add(full: PressRelease, terms: ReleaseTerms = termsOfRelease(full)): IndexedRelease {
    const release = full.paragraphs.length ? { ...full, paragraphs: [] } : full;
    const entry = this.enter(release, this.nextNo, terms);
    this.vocabulary.addRelease(`${terms.titleTerms}${terms.bodyTerms}`.split(' '));
    if (!this.deferText) this.text.add(entry.no, terms.titleTerms, terms.bodyTerms);
    return entry;
  }

  /** Puts back a stored release; FlexSearch's index and the vocabulary are restored whole beside it. */
  restore(stored: StoredRelease): IndexedRelease {
    return this.enter({ ...stored.release, paragraphs: [] }, stored.no, stored);
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.text.remove(entry.no);
    this.byId.delete(id);
    this.byNo.delete(entry.no);
    this.dateRank = null;
    this.vocabulary.removeRelease(`${entry.titleTerms}${entry.bodyTerms}`.split(' '));
    return true;
  }

  clear(): void {
    for (const e of [...this.byNo.values()]) this.remove(e.release.id);
  }

  /** Many changes at once: FlexSearch's index is rebuilt when they are done rather than edited. */
  beginBulk(): void {
    this.deferText = true;
  }

  endBulk(): void {
    if (!this.deferText) return;
    this.deferText = false;
    this.text.clear();
    for (const e of this.byNo.values()) this.text.add(e.no, e.titleTerms, e.bodyTerms);
  }

  /** How many releases hold each term (for ranking and prefixes), to store and restore. */
  exportVocabulary(): [string, number][] {
    return this.vocabulary.export();
  }

  importVocabulary(entries: [string, number][]): void {
    this.vocabulary.import(entries);
  }

  exportText(): Promise<Record<string, string>> {
    return this.text.export();
  }

  importText(data: Record<string, string>): Promise<void> {
    return this.text.import(data);
  }

  setTranslations(links: Map<string, string[]>): void {
    for (const e of this.byNo.values()) e.release.translations = links.get(e.release.id) ?? [];
    this.linkVersions();
  }

  /** Each release's versions by number, for counting a pair once. */
  linkVersions(): void {
    for (const e of this.byNo.values()) e.versions = e.release.translations.map((id) => this.byId.get(id)?.no).filter((n): n is number => n !== undefined);
  }

  // TermSource: what matching reads.

  lookup(term: string, field: 'all' | 'title'): Scored {
    return this.text.lookup(term, field, this.byNo.size + 1);
  }

  prefixTerms(prefix: string): string[] {
    return this.vocabulary.startingWith(prefix);
  }

  idf(term: string): number {
    const df = this.vocabulary.releasesWith(term);
    return Math.log(1 + (this.byNo.size + 1) / (df + 1));
  }

  phraseIn(no: number, needles: { en: string; fr: string }): 'title' | 'body' | null {
    const e = this.byNo.get(no);
    if (!e) return null;
    const needle = e.language === 'fr' ? needles.fr : needles.en;
    if (e.titleTerms.includes(needle)) return 'title';
    return e.bodyTerms.includes(needle) ? 'body' : null;
  }

  allReleases(): Iterable<number> {
    return this.byNo.keys();
  }

  private ranks(): Int32Array {
    this.dateRank ??= dateRanks(this.byNo.values(), this.nextNo);
    return this.dateRank;
  }

  /** The releases matching a request, ordered, with the facets: what every answer starts from. */
  private select(request: SearchRequest, parsed: ParsedQuery): { query: ExpandedQuery; ordered: number[]; scores: Scored; versions: number; facets: Facets } {
    const query = expandQuery(parsed, this.expander);
    const matched = matchQuery(this, query);
    wholeTitleBonus(matched, parsed, (no) => this.byNo.get(no)!);
    const { hits, facets } = filterAndCount(matched, (no) => this.byNo.get(no), request, this.labels, request.groupTranslations ? { lastNo: this.nextNo } : null);
    const ordered = orderHits(hits, request.sort ?? (query.groups.length === 0 ? '-date' : 'relevance'), this.ranks(), (no) => this.byNo.get(no)!.published === '');
    return { query, ordered: request.groupTranslations ? groupPairs(ordered, (no) => this.byNo.get(no)!.release) : ordered, scores: hits, versions: hits.size, facets };
  }

  /** One page of hits, with snippets, and the facets. */
  search(request: SearchRequest, parsed: ParsedQuery): SearchOutcome {
    const { query, ordered, scores, versions, facets } = this.select(request, parsed);
    const offset = Math.max(0, request.offset ?? 0);
    const limit = Math.min(500, Math.max(0, request.limit ?? 20));
    const page = ordered.slice(offset, offset + limit).map((no) => this.toHit(no, scores.get(no)!, query));
    return { total: ordered.length, versions, hits: page, facets, expansions: query.expansions, suggestions: this.spellingsOf(query) };
  }

  /** Other spellings in the archive of the query's words that find little on their own. */
  private spellingsOf(query: ExpandedQuery): SearchOutcome['suggestions'] {
    return suggestSpellings(query.groups.flat(), (t) => this.vocabulary.releasesWith(t), () => this.vocabulary.sorted());
  }

  /**
   * The releases of a search as the timeline counts them: a pair once, each with the countries it
   * is about (or mentions, with `mentioned`), and its other versions.
   */
  forTimeline(request: SearchRequest, parsed: ParsedQuery): TimelineRelease[] {
    return this.select({ ...request, groupTranslations: true }, parsed).ordered.map((no) => {
      const e = this.byNo.get(no)!;
      const r = e.release;
      return { id: r.id, title: r.title, published: e.published, language: r.language, countries: [...(request.mentioned ? e.countries : e.about)], versions: r.translations };
    });
  }

  /** What a query marks in a release's text. */
  marksOf(parsed: ParsedQuery): Marks {
    const q = expandQuery(parsed, this.expander);
    return { terms: q.highlightTerms, prefixes: q.prefixes, countries: q.countries };
  }

  private toHit(no: number, score: number, query: ExpandedQuery): SearchHit {
    const r = this.byNo.get(no)!.release;
    return {
      id: r.id,
      path: r.path,
      title: r.title,
      published: r.published,
      updated: r.updated,
      language: r.language,
      countries: r.countries.map((c) => c.code),
      aboutCountries: r.countries.filter((c) => c.about).map((c) => c.code),
      score: Math.round(score * 1000) / 1000,
      snippet: makeSnippet(r, { terms: query.highlightTerms, prefixes: query.prefixes, countries: query.countries }),
      translations: this.translationsOf(r),
    };
  }

  /** The other-language versions of a release, as a hit or the reader shows them. */
  translationsOf(r: PressRelease): TranslationRef[] {
    return r.translations.map((id) => this.byId.get(id)?.release).filter((t): t is PressRelease => !!t).map((t) => ({ id: t.id, language: t.language, title: t.title }));
  }
}
