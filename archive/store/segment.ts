import { join } from 'node:path';
import { ByteWriter, firstVarint, joinParts, PostingsReader, PostingsWriter, splitParts } from '../search/postings.js';
import type { DetailsSource, ReleaseDetails } from '../search/release-index.js';
import type { PostingsSource, TermIndex } from '../search/term-index.js';
import { RecordFile, RecordWriter } from './records.js';

/**
 * The term index as files of a generation: `dictionary.json` (the terms in order, how many
 * releases hold each, where its postings lie, its last release) and `postings.bin` (each term's
 * postings as one checksummed record). Opening reads the dictionary only; postings are read
 * where they lie when a query asks for a term, the most recently used kept (48 MB at most).
 */
export interface Dictionary {
  terms: string[];
  df: number[];
  at: [number, number][];
  last: number[];
  /**
   * Releases removed whose postings are still in the lists (left out when read); the lists are
   * written again without them once they are a tenth of the releases.
   */
  deleted?: number[];
}

/** The postings lists kept in memory after use, at most this many bytes (the most recently used). */
const CACHE_BYTES = 48 * 1048576;

export class SegmentPostings implements PostingsSource {
  private readonly file: RecordFile;
  private readonly slot = new Map<string, number>();
  private readonly cache = new Map<string, Uint8Array>();
  private cached = 0;

  constructor(
    dir: string,
    readonly dictionary: Dictionary,
  ) {
    this.file = new RecordFile(join(dir, 'postings.bin'));
    dictionary.terms.forEach((t, i) => this.slot.set(t, i));
  }

  get termCount(): number {
    return this.dictionary.terms.length;
  }

  df(term: string): number {
    const i = this.slot.get(term);
    return i === undefined ? 0 : this.dictionary.df[i]!;
  }

  postings(term: string): Uint8Array | null {
    const i = this.slot.get(term);
    if (i === undefined) return null;
    let bytes = this.cache.get(term);
    if (bytes) {
      // Most recently used last.
      this.cache.delete(term);
      this.cache.set(term, bytes);
      return bytes;
    }
    bytes = this.file.read(...this.dictionary.at[i]!);
    this.cached += bytes.length;
    this.cache.set(term, bytes);
    while (this.cached > CACHE_BYTES && this.cache.size > 1) {
      const [oldest, old] = this.cache.entries().next().value!;
      this.cache.delete(oldest);
      this.cached -= old.length;
    }
    return bytes;
  }

  termsStartingWith(prefix: string): string[] {
    const v = this.dictionary.terms;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < v.length && v[i]!.startsWith(prefix); i++) out.push(v[i]!);
    return out;
  }

  last(term: string): number {
    const i = this.slot.get(term);
    return i === undefined ? 0 : this.dictionary.last[i]!;
  }

  get deleted(): readonly number[] {
    return this.dictionary.deleted ?? [];
  }

  /** A term's list for copying into a new segment: read ahead in file order, not kept in the cache. */
  storedList(term: string): Uint8Array | null {
    const i = this.slot.get(term);
    return i === undefined ? null : this.file.readInOrder(...this.dictionary.at[i]!);
  }

  close(): void {
    this.file.close();
  }
}

/** Releases' texts, evidence, quotes and summaries, one checksummed JSON record each. */
export class SegmentDetails implements DetailsSource {
  private readonly file: RecordFile;
  readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, 'details.bin');
    this.file = new RecordFile(this.path);
  }

  read(at: [number, number]): ReleaseDetails {
    return JSON.parse(Buffer.from(this.file.read(...at)).toString('utf8')) as ReleaseDetails;
  }

  raw(at: [number, number]): Uint8Array {
    return this.file.read(...at);
  }

  close(): void {
    this.file.close();
  }
}

/**
 * A new segment's postings: the stored segment's, then the live ones (numbers only grow, so they
 * follow). Removed releases stay in the lists, listed as deleted, until they are a tenth of the
 * archive: then every list holding one is written again without them (and a term left with no
 * release is dropped). Changing a few files then copies the stored lists as they lie.
 */
export function writePostings(terms: TermIndex): { bytes: Uint8Array; dictionary: Dictionary } {
  const base = terms.baseSource as SegmentPostings | null;
  const live = terms.liveTerms();
  const compact = live.deleted.size > 0 && live.deleted.size * 10 >= live.docs;
  const all = [...new Set([...(base?.dictionary.terms ?? []), ...live.terms])].sort();
  const writer = new RecordWriter();
  const dictionary: Dictionary = { terms: [], df: [], at: [], last: [], deleted: compact ? [] : [...live.deleted].sort((a, b) => a - b) };
  for (const term of all) {
    let list: Uint8Array;
    let prev = 0;
    let df = 0;
    const stored = base?.storedList(term) ?? null;
    const added = live.get(term);
    if (compact && [stored, added].some((bytes) => bytes && holdsAny(bytes, live.deleted))) {
      const w = new PostingsWriter();
      for (const bytes of [stored, added]) {
        if (!bytes) continue;
        const reader = new PostingsReader(bytes);
        for (let p = reader.next(); p; p = reader.next()) {
          if (live.deleted.has(p.no)) continue;
          w.add(p.no - prev, p.positions, p.inTitle);
          prev = p.no;
          df++;
        }
      }
      list = w.result();
    } else if (!stored) {
      // A new term: the live list is the list.
      list = added!;
      df = live.df(term);
      prev = live.last(term);
    } else {
      // The stored parts are copied as they are, the live ones follow them.
      df = base!.df(term);
      prev = base!.last(term);
      list = stored;
      if (added) {
        const s = splitParts(stored);
        const a = splitParts(added);
        const first = firstVarint(a.docs);
        const gap = new ByteWriter();
        gap.varint(first.value - prev);
        list = joinParts(Buffer.concat([s.docs, gap.result(), a.docs.subarray(first.length)]), Buffer.concat([s.positions, a.positions]));
        df += live.df(term);
        prev = live.last(term);
      }
    }
    if (!df) continue;
    dictionary.terms.push(term);
    dictionary.df.push(df);
    dictionary.at.push(writer.add(list));
    dictionary.last.push(prev);
  }
  return { bytes: writer.result(), dictionary };
}

/** Whether a list holds any of these releases (its first part only is read). */
function holdsAny(bytes: Uint8Array, nos: ReadonlySet<number>): boolean {
  const reader = new PostingsReader(bytes);
  for (let p = reader.nextCounts(); p; p = reader.nextCounts()) if (nos.has(p.no)) return true;
  return false;
}
