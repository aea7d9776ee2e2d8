import { MemoryPostings, PostingsReader, type Posting } from './postings.js';
import { phraseStep, Starts, unionStarts } from './phrase.js';
import { Scored, ScoredBuilder } from './sets.js';

/**
 * The stored part of the term index (a segment on disk): its terms in order, and each term's
 * postings, read when asked for.
 */
export interface PostingsSource {
  /** How many releases hold the term. */
  df(term: string): number;
  /** The term's postings list (see postings.ts), or null. */
  postings(term: string): Uint8Array | null;
  /** Its terms starting with `prefix`, in order. */
  termsStartingWith(prefix: string): string[];
  /** How many terms it has. */
  readonly termCount: number;
  /** Releases removed whose postings it still holds (left out when read). */
  readonly deleted?: readonly number[];
  close(): void;
}

/** What the term index needs to know of a release to score it: where its title ends, how long it is. */
export interface DocShape {
  titleLength: number;
  length: number;
}

/** How a hit in the title weighs against hits in the body (BM25's best is about 2.2). */
export const TITLE_BOOST = 3;
const K1 = 1.2;
const NO_RELEASES: ReadonlySet<number> = new Set();
const B = 0.75;

/**
 * Which releases hold a term, where, and how much that weighs: the segment on disk (`base`), the
 * releases read since it was written (`live`, in memory), less the releases removed since.
 * Scores are BM25 over the body plus a boost for the title; positions answer phrases exactly.
 */
export class TermIndex {
  private base: PostingsSource | null = null;
  private live = new MemoryPostings();
  private deleted = new Set<number>();
  private liveSorted: string[] | null = null;
  private totalLength = 0;
  private docs = 0;

  /** Each release's length by number (-1: none), read by ranking instead of the releases themselves; made again after a change. */
  private lengths: Int32Array | null = null;

  /** `last`: the highest release number there may be (without it, lengths are asked of `shape` one by one). */
  constructor(
    private readonly shape: (no: number) => DocShape | undefined,
    private readonly last?: () => number,
  ) {}

  private lengthTable(): Int32Array | null {
    if (!this.last) return null;
    if (!this.lengths) {
      const n = this.last();
      const t = new Int32Array(n + 1).fill(-1);
      for (let no = 0; no <= n; no++) t[no] = this.shape(no)?.length ?? -1;
      this.lengths = t;
    }
    return this.lengths;
  }

  /** Puts a stored segment under the live releases (they are cleared: the segment holds them now). */
  attach(base: PostingsSource | null, docs: number, totalLength: number): void {
    this.base?.close();
    this.base = base;
    this.live = new MemoryPostings();
    this.liveSorted = null;
    this.deleted = new Set(base?.deleted ?? []);
    this.lengths = null;
    this.docs = docs;
    this.totalLength = totalLength;
  }

  add(no: number, sequence: string[]): void {
    this.live.add(no, sequence);
    this.liveSorted = null;
    this.lengths = null;
    this.docs++;
    this.totalLength += sequence.length;
  }

  remove(no: number, length: number): void {
    this.deleted.add(no);
    this.lengths = null;
    this.docs--;
    this.totalLength -= length;
  }

  df(term: string): number {
    return (this.base?.df(term) ?? 0) + this.live.df(term);
  }

  /** How many releases hold the term, the removed ones left out (exact, where df may count them). */
  releases(term: string): number {
    const df = this.df(term);
    if (this.deleted.size === 0 || df === 0) return df;
    // Removed releases have no length: the table answers without a set lookup per release.
    const lengths = this.lengthTable();
    let n = 0;
    for (const bytes of [this.base?.postings(term), this.live.get(term)]) {
      if (!bytes) continue;
      const reader = new PostingsReader(bytes);
      for (let p = reader.nextCounts(); p; p = reader.nextCounts()) if (lengths ? lengths[p.no]! >= 0 : !this.deleted.has(p.no)) n++;
    }
    return n;
  }

  /** Whether any release still holds the term. */
  holds(term: string): boolean {
    const df = this.df(term);
    if (df > this.deleted.size) return true;
    for (const _ of this.postings(term, false)) return true;
    return false;
  }

  /** Every posting of a term, the removed releases left out: the segment's first, then the live ones. */
  *postings(term: string, withPositions = true): Generator<Posting> {
    for (const bytes of [this.base?.postings(term), this.live.get(term)]) {
      if (!bytes) continue;
      const reader = new PostingsReader(bytes);
      for (let p = reader.next(withPositions); p; p = reader.next(withPositions)) if (!this.deleted.has(p.no)) yield p;
    }
  }

  /** Releases whose title (or title and body) hold the term, each with its score before rarity. */
  lookup(term: string, field: 'all' | 'title'): Scored {
    const avg = this.docs ? this.totalLength / this.docs : 1;
    const out = new ScoredBuilder(this.df(term));
    const lengths = this.lengthTable();
    // With the table, a removed release is one with no length: no set lookup per release.
    const deleted = !lengths && this.deleted.size ? this.deleted : null;
    for (const bytes of [this.base?.postings(term), this.live.get(term)]) {
      if (!bytes) continue;
      const reader = new PostingsReader(bytes);
      for (let p = reader.nextCounts(); p; p = reader.nextCounts()) {
        const no = p.no;
        if (deleted?.has(no)) continue;
        const length = lengths ? (no < lengths.length ? lengths[no]! : -1) : (this.shape(no)?.length ?? -1);
        if (length < 0) continue;
        const inBody = p.count - p.inTitle;
        if (field === 'title' && !p.inTitle) continue;
        const body = field === 'all' && inBody ? (inBody * (K1 + 1)) / (inBody + K1 * (1 - B + (B * length) / avg)) : 0;
        out.push(no, (p.inTitle ? TITLE_BOOST : 0) + body);
      }
    }
    return out.result();
  }

  /**
   * Releases holding the words in this order (each word given as the terms it may be, by
   * language), in the title or anywhere, scored as the sum of their words' scores.
   */
  phrase(words: string[][], field: 'all' | 'title'): Scored {
    if (words.length === 0) return Scored.empty();
    // The rarest word first: the others' positions are then read only in the releases it is in.
    const order = words.map((forms, k) => ({ forms: [...new Set(forms)], k })).map((w) => ({ ...w, df: w.forms.reduce((n, t) => n + this.df(t), 0) }));
    order.sort((x, y) => x.df - y.df);
    // The releases still in the running, each with where the phrase could start in it.
    let starts: Starts | null = null;
    for (const { forms, k } of order) {
      let next: Starts | null = null;
      for (const term of forms) {
        for (const bytes of [this.base?.postings(term), this.live.get(term)]) {
          if (!bytes) continue;
          // Removed releases fall out below, having no shape; the set is only read without the table.
          const found = phraseStep(new PostingsReader(bytes), k, starts, this.lengthTable() ? NO_RELEASES : this.deleted);
          next = next ? unionStarts(next, found) : found;
        }
      }
      starts = next ?? new Starts();
      if (starts.size === 0) break;
    }
    const out = new ScoredBuilder(starts?.size ?? 0);
    for (let i = 0; starts && i < starts.size; i++) {
      const no = starts.docs.at(i);
      const shape = this.shape(no);
      if (!shape) continue;
      const inTitle = starts.first(i) < shape.titleLength;
      if (field === 'title' && !inTitle) continue;
      out.push(no, inTitle ? 2 : 1);
    }
    return out.result();
  }

  /** The completions of a prefix that releases still hold, the most common first; capped at 200 to stay instant. */
  completions(prefix: string): string[] {
    return this.termsStartingWith(prefix)
      .filter((t) => this.holds(t))
      .map((t) => [t, this.df(t)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 200)
      .map(([t]) => t);
  }

  /** Terms starting with `prefix`, from the segment and the live releases, once each. */
  termsStartingWith(prefix: string): string[] {
    this.liveSorted ??= [...this.live.terms()].sort();
    const live = this.liveSorted;
    let lo = 0;
    let hi = live.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (live[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set(this.base?.termsStartingWith(prefix) ?? []);
    for (let i = lo; i < live.length && live[i]!.startsWith(prefix); i++) out.add(live[i]!);
    return [...out].sort();
  }

  /** The live postings, for writing a new segment. */
  liveTerms(): { terms: IterableIterator<string>; get: (term: string) => Uint8Array | null; df: (term: string) => number; last: (term: string) => number; deleted: ReadonlySet<number>; docs: number } {
    return { terms: this.live.terms(), get: (t) => this.live.get(t), df: (t) => this.live.df(t), last: (t) => this.live.last(t), deleted: this.deleted, docs: this.docs };
  }

  get baseSource(): PostingsSource | null {
    return this.base;
  }
}
