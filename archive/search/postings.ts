/**
 * Postings: for each term, the releases holding it and where (term positions), in a compact byte
 * form of two parts, so that ranking reads only the first:
 *   its length (a varint), then
 *   the releases: for each, in increasing number, the distance from the previous number, how many
 *   times the term occurs, how many of those are in the title;
 *   the positions: for each release in the same order, its positions as distances.
 * Variable-length integers (7 bits a byte) keep 50,000 releases' positions in tens of megabytes,
 * outside the JavaScript heap.
 */

/** A term's occurrences in one release. */
export interface Posting {
  no: number;
  positions: number[];
  inTitle: number;
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

function varintAt(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++]!;
    value |= (b & 0x7f) << shift;
    if (b < 0x80) return { value: value >>> 0, next: at };
    shift += 7;
  }
}

/**
 * Reads a postings list, one release at a time: with `nextCounts` the releases only (what ranking
 * needs), or with `nextDoc` each release and then its positions taken or skipped.
 */
export class PostingsReader {
  /** Where the next release is read, where its part ends, where the next positions are read. */
  private at: number;
  private readonly docsEnd: number;
  private pat: number;
  private no = 0;
  private pending = 0;
  private readonly counts = { no: 0, count: 0, inTitle: 0 };

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length === 0) {
      this.at = this.docsEnd = this.pat = 0;
      return;
    }
    const head = varintAt(bytes, 0);
    this.at = head.next;
    this.docsEnd = this.pat = head.next + head.value;
  }

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

  /** The next release's number, how many times the term occurs in it and how many in its title; null at the end. */
  nextCounts(): { no: number; count: number; inTitle: number } | null {
    if (this.at >= this.docsEnd) return null;
    this.no += this.varint();
    this.counts.no = this.no;
    this.counts.count = this.varint();
    this.counts.inTitle = this.varint();
    return this.counts;
  }

  /** Moves to the next release (false at the end); then read `docNo`, and take or skip its positions. */
  nextDoc(): boolean {
    if (this.at >= this.docsEnd) return false;
    this.no += this.varint();
    this.pending = this.varint();
    this.inTitle = this.varint();
    return true;
  }

  /** How many of the current release's occurrences are in its title. */
  inTitle = 0;

  get docNo(): number {
    return this.no;
  }

  /** The current release's positions, less `shift` each. */
  takePositions(shift = 0): number[] {
    const out = new Int32Array(this.pending);
    this.takePositionsInto(out, shift);
    return Array.from(out);
  }

  /** How many positions the current release has (before they are taken or skipped). */
  get pendingCount(): number {
    return this.pending;
  }

  /** The current release's positions, less `shift` each, written into `into` (room for pendingCount); returns how many. */
  takePositionsInto(into: Int32Array, shift = 0): number {
    const n = this.pending;
    const bytes = this.bytes;
    let at = this.pat;
    let pos = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      let s = 0;
      for (;;) {
        const b = bytes[at++]!;
        v |= (b & 0x7f) << s;
        if (b < 0x80) break;
        s += 7;
      }
      pos += v >>> 0;
      into[i] = pos - shift;
    }
    this.pat = at;
    this.pending = 0;
    return n;
  }

  skipPositions(): void {
    const bytes = this.bytes;
    let at = this.pat;
    for (let i = 0; i < this.pending; i++) while (bytes[at++]! >= 0x80);
    this.pat = at;
    this.pending = 0;
  }

  /** The next release's number, its positions (when asked for) and how many are in its title; null at the end. */
  next(withPositions = true): Posting | null {
    if (!this.nextDoc()) return null;
    const inTitle = this.inTitle;
    if (withPositions) return { no: this.no, positions: this.takePositions(), inTitle };
    this.skipPositions();
    return { no: this.no, positions: [], inTitle };
  }
}

/** Writes postings (see the top of this file) one release at a time, in increasing number. */
export class PostingsWriter {
  private readonly docs = new ByteWriter();
  private readonly positions = new ByteWriter();

  /** One release: the gap from the previous release's number, its positions, how many of them are in the title. */
  add(gap: number, positions: readonly number[], inTitle: number): void {
    this.docs.varint(gap);
    this.docs.varint(positions.length);
    this.docs.varint(inTitle);
    let last = 0;
    for (const pos of positions) {
      this.positions.varint(pos - last);
      last = pos;
    }
  }

  result(): Uint8Array {
    return joinParts(this.docs.result(), this.positions.result());
  }
}

/** A list from its two parts. */
export function joinParts(docs: Uint8Array, positions: Uint8Array): Uint8Array {
  const head = new ByteWriter();
  head.varint(docs.length);
  const out = new Uint8Array(head.length + docs.length + positions.length);
  out.set(head.result());
  out.set(docs, head.length);
  out.set(positions, head.length + docs.length);
  return out;
}

/** A list's two parts, as views of its bytes. */
export function splitParts(bytes: Uint8Array): { docs: Uint8Array; positions: Uint8Array } {
  const head = varintAt(bytes, 0);
  const end = head.next + head.value;
  return { docs: bytes.subarray(head.next, end), positions: bytes.subarray(end) };
}

/** The first varint of some bytes, and how many bytes it takes. */
export function firstVarint(bytes: Uint8Array): { value: number; length: number } {
  const v = varintAt(bytes, 0);
  return { value: v.value, length: v.next };
}

/**
 * Postings built in memory as releases are added (numbers only grow), each term's list a growing
 * byte buffer: the releases read since the last save.
 */
export class MemoryPostings {
  private lists = new Map<string, { w: PostingsWriter; last: number; df: number }>();

  /** Adds one release's terms, in order (its positions are their places in the sequence; the title's end at the first empty slot). */
  add(no: number, sequence: string[]): void {
    const at = new Map<string, number[]>();
    sequence.forEach((term, pos) => {
      if (!term) return;
      let list = at.get(term);
      if (!list) at.set(term, (list = []));
      list.push(pos);
    });
    const titleLength = sequence.indexOf('');
    this.addPositions(no, at, titleLength < 0 ? sequence.length : titleLength);
  }

  /** Adds one release's terms given as each term's positions, in increasing order; positions before `titleLength` are in its title. */
  addPositions(no: number, at: ReadonlyMap<string, readonly number[]>, titleLength: number): void {
    for (const [term, positions] of at) {
      let entry = this.lists.get(term);
      if (!entry) this.lists.set(term, (entry = { w: new PostingsWriter(), last: 0, df: 0 }));
      if (no <= entry.last) throw new Error('releases are added in increasing number');
      let inTitle = 0;
      while (inTitle < positions.length && positions[inTitle]! < titleLength) inTitle++;
      entry.w.add(no - entry.last, positions, inTitle);
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
