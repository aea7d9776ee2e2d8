import { Document, Encoder } from 'flexsearch';
import type { Scored } from './sets.js';

/**
 * FlexSearch's Document index over two fields, title and body, fed with the terms of `tokens.ts`
 * (already folded and stemmed, so its encoder only splits on spaces). It answers "which releases
 * hold this term, and in what order"; everything else is ReleaseIndex's.
 */
export const TEXT_INDEX_CONFIG = {
  fields: ['title', 'body'],
  tokenize: 'strict',
  encoder: 'liaison-terms-v1',
  titleBoost: 3,
} as const;

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

export class TextIndex {
  private doc = createDocument();

  add(no: number, titleTerms: string, bodyTerms: string): void {
    this.doc.add({ no, title: titleTerms.trim(), body: bodyTerms.trim() });
  }

  remove(no: number): void {
    this.doc.remove(no);
  }

  clear(): void {
    this.doc = createDocument();
  }

  /** Releases whose title (or title and body) hold the term: 3 for the title, up to 1 for the body by FlexSearch's order. */
  lookup(term: string, field: 'all' | 'title', limit: number): Scored {
    const fields = field === 'title' ? ['title'] : ['title', 'body'];
    const results = this.doc.search({ query: term, field: fields, limit, suggest: false } as Parameters<Document['search']>[0]) as unknown as { field: string; result: number[] }[];
    const scores: Scored = new Map();
    for (const r of results) {
      const n = r.result.length;
      r.result.forEach((no, rank) => {
        const s = r.field === 'title' ? TEXT_INDEX_CONFIG.titleBoost : 1 - (0.5 * rank) / (n + 1);
        scores.set(no, (scores.get(no) ?? 0) + s);
      });
    }
    return scores;
  }

  async export(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    await this.doc.export((key: string, data: string) => {
      out[key] = data;
    });
    return out;
  }

  async import(data: Record<string, string>): Promise<void> {
    this.doc = createDocument();
    for (const [key, value] of Object.entries(data)) await this.doc.import(key, value);
  }
}
