/**
 * Postings: for each term, the releases holding it and where (term positions), in a compact
 * byte form: for each release in increasing number, the number's distance from the previous one,
 * how many times the term occurs, then the positions as distances. Variable-length integers (7
 * bits a byte) keep 50,000 releases' positions in tens of megabytes, outside the JavaScript heap.
 */

/** A term's occurrences in one release. */
export interface Posting {
  no: number;
  positions: number[];
}

export class ByteWriter {
  bytes = new Uint8Array(64);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  varint(value: number): void {
    this.room(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  raw(data: Uint8Array): void {
    this.room(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Reads a postings list, one release at a time. */
export class PostingsReader {
  private at = 0;
  private no = 0;

  constructor(private readonly bytes: Uint8Array) {}

  private varint(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = this.bytes[this.at++]!;
      v |= (b & 0x7f) << shift;
      if (b < 0x80) return v >>> 0;
      shift += 7;
    }
  }

  /**
   * The next release's number, how many times the term occurs in it and how many of those come
   * before `titleEnd` (in the title), without building the positions; -1 at the end.
   */
  nextCounts(titleEnd: (no: number) => number): { no: number; count: number; inTitle: number } | null {
    if (this.at >= this.bytes.length) return null;
    this.no += this.varint();
    const count = this.varint();
    const end = titleEnd(this.no);
    let pos = 0;
    let inTitle = 0;
    // Positions grow: once one is past the title, the rest are skipped, not decoded.
    let i = 0;
    for (; i < count; i++) {
      pos += this.varint();
      if (pos >= end) {
        i++;
        break;
      }
      inTitle++;
    }
    const bytes = this.bytes;
    let at = this.at;
    for (; i < count; i++) while (bytes[at++]! >= 0x80);
    this.at = at;
    this.counts.no = this.no;
    this.counts.count = count;
    this.counts.inTitle = inTitle;
    return this.counts;
  }

  private counts = { no: 0, count: 0, inTitle: 0 };

  /** Moves to the next release (false at the end); then read `docNo`, and take or skip its positions. */
  nextDoc(): boolean {
    if (this.at >= this.bytes.length) return false;
    this.no += this.varint();
    this.pending = this.varint();
    return true;
  }

  private pending = 0;

  get docNo(): number {
    return this.no;
  }

  /** The current release's positions, less `shift` each. */
  takePositions(shift = 0): number[] {
    const out = new Array<number>(this.pending);
    let pos = 0;
    for (let i = 0; i < this.pending; i++) {
      pos += this.varint();
      out[i] = pos - shift;
    }
    this.pending = 0;
    return out;
  }

  skipPositions(): void {
    for (let i = 0; i < this.pending; i++) while (this.bytes[this.at++]! >= 0x80);
    this.pending = 0;
  }

  /** The next release's number and its positions (null at the end). */
  next(withPositions = true): Posting | null {
    if (this.at >= this.bytes.length) return null;
    this.no += this.varint();
    const count = this.varint();
    const positions: number[] = withPositions ? new Array<number>(count) : [];
    let pos = 0;
    for (let i = 0; i < count; i++) {
      pos += this.varint();
      if (withPositions) positions[i] = pos;
    }
    // Without positions, the first one still counts (it says whether the term is in the title).
    if (!withPositions && count) positions.push(-1);
    return { no: this.no, positions };
  }
}

export function decodePostings(bytes: Uint8Array): Posting[] {
  const reader = new PostingsReader(bytes);
  const out: Posting[] = [];
  for (let p = reader.next(); p; p = reader.next()) out.push(p);
  return out;
}

/** Writes one posting: the gap from the previous release's number, then its positions as gaps. */
export function writePosting(w: ByteWriter, gap: number, positions: readonly number[]): void {
  w.varint(gap);
  w.varint(positions.length);
  let last = 0;
  for (const pos of positions) {
    w.varint(pos - last);
    last = pos;
  }
}

export function encodePostings(postings: Iterable<Posting>): Uint8Array {
  const w = new ByteWriter();
  let prev = 0;
  for (const p of postings) {
    writePosting(w, p.no - prev, p.positions);
    prev = p.no;
  }
  return w.result();
}

/**
 * Postings built in memory as releases are added (numbers only grow), each term's list a growing
 * byte buffer: the releases read since the last save.
 */
export class MemoryPostings {
  private lists = new Map<string, { w: ByteWriter; last: number; df: number }>();

  /** Adds one release's terms, in order (its positions are their places in the sequence). */
  add(no: number, sequence: string[]): void {
    const at = new Map<string, number[]>();
    sequence.forEach((term, pos) => {
      if (!term) return;
      let list = at.get(term);
      if (!list) at.set(term, (list = []));
      list.push(pos);
    });
    this.addPositions(no, at);
  }

  /** Adds one release's terms given as each term's positions, in increasing order. */
  addPositions(no: number, at: ReadonlyMap<string, readonly number[]>): void {
    for (const [term, positions] of at) {
      let entry = this.lists.get(term);
      if (!entry) this.lists.set(term, (entry = { w: new ByteWriter(), last: 0, df: 0 }));
      if (no <= entry.last) throw new Error('releases are added in increasing number');
      writePosting(entry.w, no - entry.last, positions);
      entry.last = no;
      entry.df++;
    }
  }

  get(term: string): Uint8Array | null {
    return this.lists.get(term)?.w.result() ?? null;
  }

  df(term: string): number {
    return this.lists.get(term)?.df ?? 0;
  }

  /** The last release number in the term's list. */
  last(term: string): number {
    return this.lists.get(term)?.last ?? 0;
  }

  terms(): IterableIterator<string> {
    return this.lists.keys();
  }

  get size(): number {
    return this.lists.size;
  }
}
