/**
 * Every term of the archive with how many releases hold it: for ranking (rarer terms weigh
 * more), for prefixes (completions, most common first) and for other spellings of a name.
 */
export class Vocabulary {
  private counts = new Map<string, number>();
  private sortedTerms: string[] | null = null;

  /** Counts a release's terms (each once, however often the release has it). */
  addRelease(terms: Iterable<string>): void {
    for (const term of new Set(terms)) if (term) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
    this.sortedTerms = null;
  }

  removeRelease(terms: Iterable<string>): void {
    for (const term of new Set(terms)) {
      if (!term) continue;
      const n = (this.counts.get(term) ?? 1) - 1;
      if (n <= 0) this.counts.delete(term);
      else this.counts.set(term, n);
    }
    this.sortedTerms = null;
  }

  releasesWith(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  /** The terms in order, for searching by prefix. */
  sorted(): string[] {
    this.sortedTerms ??= [...this.counts.keys()].sort();
    return this.sortedTerms;
  }

  /** Completions of a prefix, the most common first; a very short prefix is capped to stay instant. */
  startingWith(prefix: string, most = 200): string[] {
    const v = this.sorted();
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < v.length && v[i]!.startsWith(prefix); i++) out.push(v[i]!);
    return out.sort((a, b) => this.releasesWith(b) - this.releasesWith(a)).slice(0, most);
  }

  export(): [string, number][] {
    return [...this.counts];
  }

  import(entries: [string, number][]): void {
    this.counts = new Map(entries);
    this.sortedTerms = null;
  }
}
