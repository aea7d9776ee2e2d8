import type { FileFailure, IndexSummary } from '../api/types.js';
import { detailsOf, INDEX_CONFIG, type ReleaseIndex } from '../search/release-index.js';
import { stat } from 'node:fs/promises';
import { DamagedIndexError, type GenerationFile, type GenerationStore } from './generations.js';
import { RecordWriter } from './records.js';
import { decodeLine, encodeLine } from './release-line.js';
import { SegmentDetails, SegmentPostings, writePostings, type Dictionary } from './segment.js';

/**
 * The index as files of a generation (see DESIGN.md, "Index format"):
 *   releases.jsonl   one line per release (release-line.ts): what search keeps in memory (no text)
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
    lines.push(encodeLine(e, at));
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
    const state = JSON.parse(loaded.files.get('state.json')?.toString('utf8') ?? 'null') as ArchiveState;
    // Line by line from the bytes: the file is never one string (at 50,000 releases it would be
    // over a hundred megabytes, twice that as soon as one title has an accent).
    const bytes = loaded.files.get('releases.jsonl') ?? Buffer.alloc(0);
    let start = 0;
    while (start < bytes.length) {
      let end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      if (end > start) {
        const line = decodeLine(bytes.toString('utf8', start, end));
        index.restore(line.no, line.release, line.countries, line.shape);
      }
      start = end + 1;
    }
    if (index.size !== loaded.manifest.counts['releases']) throw new DamagedIndexError('the number of releases does not match the manifest');
    const dictionary = JSON.parse(loaded.files.get('dictionary.json')!.toString('utf8')) as Dictionary;
    if (!Array.isArray(dictionary.terms) || dictionary.terms.length !== loaded.manifest.counts['terms']) throw new DamagedIndexError('the dictionary of terms does not match the manifest');
    if (dictionary.deleted !== undefined && (!Array.isArray(dictionary.deleted) || !dictionary.deleted.every((no) => Number.isInteger(no)))) throw new DamagedIndexError('the list of removed releases is not one of numbers');
    index.attach(new SegmentPostings(loaded.dir, dictionary), new SegmentDetails(loaded.dir));
    index.linkVersions();
    return state;
  } catch (err) {
    if (err instanceof DamagedIndexError) throw err;
    throw new DamagedIndexError(`it could not be read: ${(err as Error).message}`);
  }
}
