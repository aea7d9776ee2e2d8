import { summarise } from '../enrich/summary.js';
import type { Facets, PressRelease, SearchHit, SearchRequest, TranslationRef } from '../api/types.js';
import { countryExpander, expandQuery, type ExpandedQuery, type Expander } from './expansion.js';
import { buildFacetTable, filterAndCount, Labels, type FacetTable } from './facets.js';
import { applyHome, detectHomeCountries, homeTest } from './home.js';
import { countriesFromText, countriesToText, idsFromText } from './country-text.js';
import { dateRanks, pageOrder } from './order.js';
import { makeSnippet, type Marks } from './highlights.js';
import { matchQuery, wholeTitleBonus, type TermSource } from './matcher.js';
import type { ParsedQuery } from './query.js';
import type { Scored } from './sets.js';
import { suggestSpellings } from './spelling.js';
import { TermIndex, type PostingsSource } from './term-index.js';
import type { TimelineRelease } from './timeline.js';
import { termsOfRelease, type ReleaseTerms } from './tokens.js';
import { hitOf, NONE, paragraphsOf, sequenceOf, type DetailsSource, type IndexedRelease, type ReleaseShape, type SearchOutcome } from './indexed.js';

import { linkShapeOf, type LinkShape } from './translations.js';

export { detailsOf, INDEX_CONFIG, type IndexedRelease, type ReleaseDetails, type DetailsSource, type SearchOutcome } from './indexed.js';

/**
 * The releases of the archive as search sees them: each one's facet values and the shape of its
 * text, and the term index (term-index.ts: postings with positions, a segment on disk and the
 * releases read since). Matching (matcher.ts), filters and facets (facets.ts) and snippets
 * (highlights.ts) work over what this class keeps of each release. A release's text, evidence,
 * quotes and summary stay on disk once stored, read when a page of hits or the reader needs them.
 */

/** Shared by every release that has none. */
const NO_IDS = new Uint16Array(0);

export class ReleaseIndex implements TermSource {
  private byNo = new Map<number, IndexedRelease>();
  /** The same entries in an array by number: what the hot loops read. */
  private slots: (IndexedRelease | undefined)[] = [];
  private byId = new Map<string, IndexedRelease>();
  private nextNo = 1;
  private terms = new TermIndex((no) => this.slots[no], () => this.nextNo);
  private details: DetailsSource | null = null;
  private labels = { countries: new Labels(), languages: new Labels(), years: new Labels() };
  /** The archive's home countries, and whether the desk officer set them (else they are found). */
  private home = new Set<string>();
  private homeSetting: string[] | null = null;
  /** Each release's place in date order (newest first, undated last), by its number. */
  private dateRank: Int32Array | null = null;
  /** What the filter pass reads, built again after a change. */
  private facetTable: FacetTable | null = null;

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

  /** The file the stored releases' details lie in, if any. */
  get detailsFile(): string | null { return this.details?.path ?? null; }

  /** A stored release's details as they lie on disk. */
  storedDetails(at: [number, number]): Uint8Array {
    if (!this.details) throw new Error('no stored details');
    return this.details.raw(at);
  }

  /** The whole release: read from disk once stored, its countries made from their text. */
  full(entry: IndexedRelease): PressRelease {
    let release = entry.release;
    if (entry.countryText !== undefined) release = { ...release, countries: countriesFromText(entry.countryText, release.origin, this.home) };
    if (entry.stored && this.details) {
      const { evidence, ...rest } = this.details.read(entry.stored);
      release = { ...release, ...rest, countries: release.countries.map((c) => ({ ...c, evidence: evidence[c.code] ?? [] })) };
    }
    return release;
  }

  /** The whole release as the reader and briefings show it: with its summary, made now (not when it was indexed). */
  shown(entry: IndexedRelease): PressRelease {
    const release = this.full(entry);
    return release.summary || !release.text ? release : { ...release, summary: summarise(release.title, paragraphsOf(release).paragraphs, release.language) };
  }

  private enter(release: PressRelease, no: number, shape: ReleaseShape, countryText?: string): IndexedRelease {
    if (this.byId.has(release.id)) this.remove(release.id);
    this.nextNo = Math.max(this.nextNo, no + 1);
    const entry: IndexedRelease = {
      no,
      release,
      countryText,
      ...shape,
      countryIds: countryText === undefined ? Uint16Array.from(release.countries.map((c) => this.labels.countries.id(c.code))) : NO_IDS,
      aboutIds: NO_IDS,
      language: release.language,
      languageId: this.labels.languages.id(release.language),
      published: release.published ?? '',
      yearId: this.labels.years.id(release.published?.slice(0, 4) ?? ''),
      versions: [],
    };
    this.applyHome(entry);
    this.byNo.set(no, entry);
    this.slots[no] = entry;
    this.byId.set(release.id, entry);
    this.dateRank = null;
    this.facetTable = null;
    return entry;
  }

  private applyHome(entry: IndexedRelease): void {
    if (entry.countryText !== undefined) {
      const ids = idsFromText(entry.countryText, homeTest(entry.release.origin, this.home), (code) => this.labels.countries.id(code));
      entry.countryIds = ids.mentioned;
      entry.aboutIds = ids.about;
    } else {
      applyHome(entry.release.countries, entry.release.origin, this.home);
      entry.aboutIds = Uint16Array.from(entry.release.countries.filter((c) => c.about).map((c) => this.labels.countries.id(c.code)));
    }
    this.facetTable = null;
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
    this.home = new Set(setting ?? detectHomeCountries([...this.byNo.values()].map((e) => e.release.origin)));
    for (const e of this.byNo.values()) this.applyHome(e);
  }

  /** Adds a newly read release (its terms computed here unless the reader already did). */
  add(full: PressRelease, terms: ReleaseTerms = termsOfRelease(full), link: LinkShape = linkShapeOf(full)): IndexedRelease {
    const release = full.paragraphs.length ? { ...full, paragraphs: [] } : full;
    const { sequence, titleLength } = sequenceOf(terms);
    const entry = this.enter(release, this.nextNo, { titleTerms: terms.titleTerms, titleLength, length: sequence.length, stored: null, link });
    this.terms.add(entry.no, sequence);
    return entry;
  }

  /** Puts back a stored release, its countries as text (its postings are in the segment attached with `attach`). */
  restore(no: number, release: PressRelease, countryText: string, shape: ReleaseShape): IndexedRelease {
    return this.enter(release, no, shape, countryText);
  }

  /** Puts the stored segment and details under the releases; what was read since is in them now. */
  attach(postings: PostingsSource | null, details: DetailsSource | null, stored?: Map<number, [number, number]>): void {
    let total = 0;
    for (const e of this.byNo.values()) {
      total += e.length;
      const at = stored?.get(e.no);
      if (at) {
        e.stored = at;
        // The text and the rest now live on disk: only what search needs stays in memory.
        if (e.countryText === undefined) {
          const { countries, ...rest } = e.release;
          e.countryText = countriesToText(countries);
          e.release = { ...rest, text: '', quotes: NONE, summary: '', organisations: NONE, countries: NONE };
        }
      }
    }
    this.terms.attach(postings, this.byNo.size, total);
    // A removed release's number stays taken while its postings are kept (see writePostings).
    for (const no of postings?.deleted ?? []) this.nextNo = Math.max(this.nextNo, no + 1);
    if (this.details !== details) this.details?.close();
    this.details = details;
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.terms.remove(entry.no, entry.length);
    this.byId.delete(id);
    this.byNo.delete(entry.no);
    this.slots[entry.no] = undefined;
    this.dateRank = null;
    this.facetTable = null;
    return true;
  }

  clear(): void {
    for (const e of [...this.byNo.values()]) this.remove(e.release.id);
    this.slots = [];
    this.attach(null, null);
  }

  /** The term index, for writing a segment. */
  get termIndex(): TermIndex {
    return this.terms;
  }

  /** What linking translations needs of every release. */
  linkShapes(): LinkShape[] {
    return [...this.byNo.values()].map((e) => e.link);
  }

  setTranslations(links: Map<string, string[]>): void {
    for (const e of this.byNo.values()) e.release.translations = links.get(e.release.id) ?? [];
    this.linkVersions();
  }

  /** Each release's versions by number, for counting a pair once. */
  linkVersions(): void {
    for (const e of this.byNo.values()) e.versions = e.release.translations.length ? e.release.translations.map((id) => this.byId.get(id)?.no).filter((n): n is number => n !== undefined) : NONE;
    this.facetTable = null;
  }

  // TermSource: what matching reads.

  lookup(term: string, field: 'all' | 'title'): Scored {
    return this.terms.lookup(term, field);
  }

  phrase(words: string[][], field: 'all' | 'title'): Scored {
    return this.terms.phrase(words, field);
  }

  prefixTerms(prefix: string): string[] {
    return this.terms.completions(prefix);
  }

  idf(term: string): number {
    return Math.log(1 + (this.byNo.size + 1) / (this.terms.df(term) + 1));
  }

  allReleases(): Iterable<number> {
    return this.byNo.keys();
  }

  private ranks(): Int32Array {
    this.dateRank ??= dateRanks(this.byNo.values(), this.nextNo);
    return this.dateRank;
  }

  /**
   * The releases matching a request, ordered, with the facets: what every answer starts from.
   * With `want`, `ordered` may hold only the first `want` of the order; `total` counts them all.
   */
  private select(request: SearchRequest, parsed: ParsedQuery, want = Infinity): { query: ExpandedQuery; ordered: number[]; total: number; scores: Scored; versions: number; facets: Facets } {
    const query = expandQuery(parsed, this.expander);
    const matched = matchQuery(this, query);
    this.facetTable ??= buildFacetTable(this.byNo.values(), this.nextNo);
    wholeTitleBonus(matched, parsed, (no) => this.slots[no]!, this.facetTable.titleMask);
    const { hits, facets } = filterAndCount(matched, this.facetTable, request, this.labels, !!request.groupTranslations);
    const sort = request.sort ?? (query.groups.length === 0 ? '-date' : 'relevance');
    const { ordered, total } = pageOrder(hits, sort, this.ranks(), want, !!request.groupTranslations, (no) => this.slots[no]!);
    return { query, ordered, total, scores: hits, versions: hits.size, facets };
  }

  /** One page of hits, with snippets, and the facets. */
  search(request: SearchRequest, parsed: ParsedQuery): SearchOutcome {
    const offset = Math.max(0, request.offset ?? 0);
    const limit = Math.min(500, Math.max(0, request.limit ?? 20));
    const { query, ordered, total, scores, versions, facets } = this.select(request, parsed, offset + limit);
    const page = ordered.slice(offset, offset + limit).map((no) => this.toHit(no, scores.get(no)!, query));
    const suggestions = suggestSpellings(query.groups.flat(), (t) => this.terms.releases(t), (prefix) => this.terms.termsStartingWith(prefix));
    return { total, versions, hits: page, facets, expansions: query.expansions, suggestions };
  }

  /**
   * The releases of a search as the timeline counts them: a pair once, each with the countries it
   * is about (or mentions, with `mentioned`), and its other versions.
   */
  forTimeline(request: SearchRequest, parsed: ParsedQuery): TimelineRelease[] {
    return this.select({ ...request, groupTranslations: true }, parsed).ordered.map((no) => {
      const e = this.byNo.get(no)!;
      const r = e.release;
      return { id: r.id, title: r.title, published: e.published, language: r.language, countries: [...(request.mentioned ? e.countryIds : e.aboutIds)].map((id) => this.labels.countries.names[id]!), versions: r.translations };
    });
  }

  /** What a query marks in a release's text. */
  marksOf(parsed: ParsedQuery): Marks {
    const q = expandQuery(parsed, this.expander);
    return { terms: q.highlightTerms, prefixes: q.prefixes, countries: q.countries };
  }

  private toHit(no: number, score: number, query: ExpandedQuery): SearchHit {
    const entry = this.byNo.get(no)!;
    const r = this.full(entry);
    return hitOf(r, Math.round(score * 1000) / 1000, makeSnippet(r, { terms: query.highlightTerms, prefixes: query.prefixes, countries: query.countries }), this.translationsOf(r));
  }

  /** The other-language versions of a release, as a hit or the reader shows them. */
  translationsOf(r: PressRelease): TranslationRef[] {
    return r.translations.map((id) => this.byId.get(id)?.release).filter((t): t is PressRelease => !!t).map((t) => ({ id: t.id, language: t.language, title: t.title }));
  }
}
