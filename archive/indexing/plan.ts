import type { ArchiveFile } from '../ingest/walk.js';
import type { RememberedFailure } from '../store/index-format.js';

/** What the index knows of a file: its size and time when it was read. */
export interface KnownFile {
  size: number;
  mtimeMs: number;
}

export interface ReindexPlan {
  /** New files, and files whose size or time changed: to be read. */
  toRead: ArchiveFile[];
  /** Files whose size and time are what the index holds. */
  unchanged: number;
  /** Bad files that have not changed since they failed: listed again, not re-read. */
  keptFailures: RememberedFailure[];
  /** Paths the index holds that are gone from the disk (not those under a missing folder). */
  removed: string[];
}

const isUnder = (path: string, folder: string): boolean => path.startsWith(`${folder}/`) || path.startsWith(`${folder}\\`);

/**
 * Decides what an incremental run does, from the files found on disk and what the index holds;
 * a pure function, so that every case is a line of a table test.
 */
export function planReindex(files: ArchiveFile[], known: Map<string, KnownFile>, failures: Map<string, RememberedFailure>, missingFolders: string[]): ReindexPlan {
  const seen = new Set<string>();
  const toRead: ArchiveFile[] = [];
  const keptFailures: RememberedFailure[] = [];
  let unchanged = 0;
  for (const f of files) {
    seen.add(f.path);
    const old = known.get(f.path);
    if (old && old.size === f.size && old.mtimeMs === f.mtimeMs) {
      unchanged++;
      continue;
    }
    const failed = failures.get(f.path);
    if (failed && failed.size === f.size && failed.mtimeMs === f.mtimeMs) {
      keptFailures.push(failed);
      continue;
    }
    toRead.push(f);
  }
  // Releases under a missing folder are kept: the drive may come back.
  const removed = [...known.keys()].filter((p) => !seen.has(p) && !missingFolders.some((m) => isUnder(p, m)));
  return { toRead, unchanged, keptFailures, removed };
}
