import { readFile } from 'node:fs/promises';
import type { SearchRequest } from '../api/types.js';
import { decodeText } from '../ingest/decode.js';
import type { ArchiveFile } from '../ingest/walk.js';
import { rng } from './bench-archive.js';

/**
 * The benchmark's queries, of five kinds, made from the archive's own words (so that they find
 * something, as a desk officer's do): one word, several words, a phrase, an exclusion, and a word
 * with a country and a date range.
 */
export type QueryKind = 'one word' | 'several words' | 'phrase' | 'exclusion' | 'country + dates';
export const QUERY_KINDS: QueryKind[] = ['one word', 'several words', 'phrase', 'exclusion', 'country + dates'];

export async function makeQueries(files: ArchiveFile[], countries: string[], perKind: number, seed = 7): Promise<Map<QueryKind, SearchRequest[]>> {
  const random = rng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const texts = files.filter((f) => /\.(txt|md)$/i.test(f.path));
  const sentences: string[][] = [];
  for (let i = 0; i < Math.min(200, texts.length); i++) {
    const text = decodeText(await readFile(pick(texts).path)).text;
    for (const s of text.split(/(?<=[.!?])\s+/)) {
      const words = s.match(/[\p{L}]{4,}/gu);
      if (words && words.length >= 3) sentences.push(words);
    }
  }
  if (sentences.length === 0) sentences.push(['cooperation', 'security', 'trade', 'agreement']);
  const word = (): string => pick(pick(sentences));
  const pair = (): string => {
    const s = pick(sentences);
    const i = Math.floor(random() * (s.length - 1));
    return `"${s[i]} ${s[i + 1]}"`;
  };
  const year = (): number => 1996 + Math.floor(random() * 30);
  const make: Record<QueryKind, () => SearchRequest> = {
    'one word': () => ({ query: word() }),
    'several words': () => ({ query: Array.from({ length: 2 + Math.floor(random() * 2) }, word).join(' ') }),
    phrase: () => ({ query: pair() }),
    exclusion: () => ({ query: `${word()} -${word()}` }),
    'country + dates': () => {
      const from = year();
      return { query: word(), countries: countries.length ? [pick(countries)] : [], from: `${from}-01-01`, to: `${Math.min(2026, from + 1 + Math.floor(random() * 8))}-12-31` };
    },
  };
  return new Map(QUERY_KINDS.map((k) => [k, Array.from({ length: perKind }, () => ({ ...make[k](), limit: 20 }))]));
}
