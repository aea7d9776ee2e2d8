import type { FileFailure, IndexSummary } from '../api/types.js';
import { INDEX_CONFIG, type ReleaseIndex, type StoredRelease } from '../search/release-index.js';
import { DamagedIndexError, type GenerationStore } from './generations.js';

/**
 * The index as files of a generation (see DESIGN.md, "Index format"):
 *   releases-NNNN.jsonl  2,000 releases per chunk: { no, titleTerms, bodyTerms, release }
 *   text-index.json      FlexSearch's export (its keys and data)
 *   vocabulary.json      [term, releases holding it]
 *   state.json           folders, failures (with size and time), last summary
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

const RELEASES_PER_CHUNK = 2000;

export async function saveIndex(store: GenerationStore, index: ReleaseIndex, state: ArchiveState, onStep?: (name: string) => void | Promise<void>): Promise<void> {
  const files = new Map<string, string>();
  const entries = [...index.releases()].sort((a, b) => a.no - b.no);
  let chunk = 0;
  for (let i = 0; i < entries.length; i += RELEASES_PER_CHUNK) {
    const lines = entries.slice(i, i + RELEASES_PER_CHUNK).map((e) => {
      const { paragraphs: _paragraphs, ...release } = e.release;
      const stored: StoredRelease = { no: e.no, titleTerms: e.titleTerms, bodyTerms: e.bodyTerms, release };
      return JSON.stringify(stored);
    });
    files.set(`releases-${String(chunk++).padStart(4, '0')}.jsonl`, `${lines.join('\n')}\n`);
  }
  files.set('text-index.json', JSON.stringify(await index.exportText()));
  files.set('vocabulary.json', JSON.stringify(index.exportVocabulary()));
  files.set('state.json', JSON.stringify(state));
  await store.save(files, INDEX_CONFIG, { releases: entries.length, chunks: chunk }, onStep);
}

/**
 * Loads the current generation into `index` and returns its state, or null when there is none.
 * Throws DamagedIndexError (the index may then hold part of it: the caller clears it).
 */
export async function loadIndex(store: GenerationStore, index: ReleaseIndex): Promise<ArchiveState | null> {
  const loaded = await store.load(INDEX_CONFIG);
  if (!loaded) return null;
  try {
    const state = JSON.parse(loaded.files.get('state.json') ?? 'null') as ArchiveState;
    const chunks = [...loaded.files.keys()].filter((k) => k.startsWith('releases-')).sort();
    if (chunks.length !== loaded.manifest.counts['chunks']) throw new DamagedIndexError('a chunk of releases is missing');
    for (const chunk of chunks) {
      for (const line of loaded.files.get(chunk)!.split('\n')) if (line) index.restore(JSON.parse(line) as StoredRelease);
    }
    if (index.size !== loaded.manifest.counts['releases']) throw new DamagedIndexError('the number of releases does not match the manifest');
    index.linkVersions();
    index.importVocabulary(JSON.parse(loaded.files.get('vocabulary.json')!) as [string, number][]);
    await index.importText(JSON.parse(loaded.files.get('text-index.json')!) as Record<string, string>);
    return state;
  } catch (err) {
    if (err instanceof DamagedIndexError) throw err;
    throw new DamagedIndexError(`it could not be read: ${(err as Error).message}`);
  }
}
