import type { FileFailure, IndexSummary, PressRelease } from '../api/types.js';
import { detailsOf, INDEX_CONFIG, type ReleaseIndex } from '../search/release-index.js';
import type { LinkShape } from '../search/translations.js';
import { stat } from 'node:fs/promises';
import { DamagedIndexError, type GenerationFile, type GenerationStore } from './generations.js';
import { RecordWriter } from './records.js';
import { SegmentDetails, SegmentPostings, writePostings, type Dictionary } from './segment.js';

/**
 * The index as files of a generation (see DESIGN.md, "Index format"):
 *   releases.jsonl   one line per release: what search keeps in memory (no text)
 *   details.bin      each release's text, evidence, quotes and summary: one checksummed record each;
 *                    shared with the previous generation (linked) and appended to
 *   dictionary.json  the terms in order, with where each one's postings lie
 *   postings.bin     the postings (releases and positions) of each term: one checksummed record each
 *   state.json       folders, failures (with size and time), last summary
 * Opening reads releases.jsonl, dictionary.json and state.json; the two .bin files are read where
 * they lie when a query or the reader needs them.
 */

/** A failure remembered with the file's size and time, so an unchanged bad file is not re-read. */
export interface RememberedFailure extends FileFailure {
  size: number;
  mtimeMs: number;
}

export interface ArchiveState {
  folders: string[];
  failures: RememberedFailure[];
  lastIndexed: IndexSummary | null;
}

/** One line of releases.jsonl. */
interface StoredLine {
  no: number;
  titleTerms: string;
  titleLength: number;
  length: number;
  stored: [number, number];
  link: { named: string[]; textLength: number; paragraphs: number; features: string };
  release: PressRelease;
}

const featuresToText = (f: Uint32Array): string => Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('base64');
function featuresFromText(s: string): Uint32Array {
  const bytes = Buffer.from(s, 'base64');
  const out = new Uint32Array(bytes.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}

/** What of a release goes into releases.jsonl: neither its text nor what details.bin holds. */
function slim(r: PressRelease): PressRelease {
  return { ...r, paragraphs: [], text: '', quotes: [], summary: '', organisations: [], countries: r.countries.map((c) => ({ ...c, evidence: [] })) };
}

/**
 * Writes the index as a new generation, then puts its segment under the index (the releases'
 * texts and the postings are read from the new files from then on) and removes older generations.
 */
export async function saveIndex(store: GenerationStore, index: ReleaseIndex, state: ArchiveState, onStep?: (name: string) => void | Promise<void>): Promise<void> {
  const entries = [...index.releases()].sort((a, b) => a.no - b.no);
  // The stored texts stay where they are and new ones are appended, unless half the file would be
  // texts of releases no longer there: then the file is written anew, without them.
  const base = index.detailsFile;
  const baseSize = base ? await stat(base).then((s) => s.size, () => 0) : 0;
  const live = entries.reduce((n, e) => n + (e.stored ? e.stored[1] + 4 : 0), 0);
  const append = base !== null && baseSize > 0 && live >= baseSize / 2;
  const details = new RecordWriter(append ? baseSize : 0);
  const stored = new Map<number, [number, number]>();
  const lines: string[] = [];
  for (const e of entries) {
    const at = append && e.stored ? e.stored : details.add(e.stored ? index.storedDetails(e.stored) : Buffer.from(JSON.stringify(detailsOf(e.release))));
    stored.set(e.no, at);
    const line: StoredLine = {
      no: e.no,
      titleTerms: e.titleTerms,
      titleLength: e.titleLength,
      length: e.length,
      stored: at,
      link: { named: e.link.named, textLength: e.link.textLength, paragraphs: e.link.paragraphs, features: featuresToText(e.link.features) },
      release: e.stored ? e.release : slim(e.release),
    };
    lines.push(JSON.stringify(line));
  }
  const postings = writePostings(index.termIndex);
  const files = new Map<string, GenerationFile>([
    ['releases.jsonl', lines.length ? `${lines.join('\n')}\n` : ''],
    ['details.bin', { base: append ? base : null, append: details.result() }],
    ['postings.bin', postings.bytes],
    ['dictionary.json', JSON.stringify(postings.dictionary)],
    ['state.json', JSON.stringify(state)],
  ]);
  const dir = await store.save(files, INDEX_CONFIG, { releases: entries.length, terms: postings.dictionary.terms.length }, onStep);
  index.attach(new SegmentPostings(dir, postings.dictionary), new SegmentDetails(dir), stored);
  await store.prune();
}

/**
 * Loads the current generation into `index` and returns its state, or null when there is none.
 * Throws DamagedIndexError (the index may then hold part of it: the caller clears it).
 */
export async function loadIndex(store: GenerationStore, index: ReleaseIndex): Promise<ArchiveState | null> {
  const loaded = await store.load(INDEX_CONFIG, ['details.bin', 'postings.bin']);
  if (!loaded) return null;
  try {
    const state = JSON.parse(loaded.files.get('state.json') ?? 'null') as ArchiveState;
    const text = loaded.files.get('releases.jsonl') ?? '';
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) {
        const line = JSON.parse(text.slice(start, end)) as StoredLine;
        const r = line.release;
        const link: LinkShape = { id: r.id, published: r.published, language: r.language, origin: r.origin, named: line.link.named, textLength: line.link.textLength, paragraphs: line.link.paragraphs, features: featuresFromText(line.link.features) };
        index.restore(line.no, r, { titleTerms: line.titleTerms, titleLength: line.titleLength, length: line.length, stored: line.stored, link });
      }
      start = end + 1;
    }
    if (index.size !== loaded.manifest.counts['releases']) throw new DamagedIndexError('the number of releases does not match the manifest');
    const dictionary = JSON.parse(loaded.files.get('dictionary.json')!) as Dictionary;
    if (!Array.isArray(dictionary.terms) || dictionary.terms.length !== loaded.manifest.counts['terms']) throw new DamagedIndexError('the dictionary of terms does not match the manifest');
    index.attach(new SegmentPostings(loaded.dir, dictionary), new SegmentDetails(loaded.dir));
    index.linkVersions();
    return state;
  } catch (err) {
    if (err instanceof DamagedIndexError) throw err;
    throw new DamagedIndexError(`it could not be read: ${(err as Error).message}`);
  }
}
