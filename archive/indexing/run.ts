import { lstat, stat } from 'node:fs/promises';
import type { IndexProgress, PressRelease } from '../api/types.js';
import type { ReaderPool } from '../ingest/pool.js';
import { walkArchive, type ArchiveFile, type SkipListener } from '../ingest/walk.js';
import type { ReleaseIndex } from '../search/release-index.js';
import type { RememberedFailure } from '../store/index-format.js';
import { planReindex, type KnownFile } from './plan.js';
import type { ProgressReporter } from './progress.js';

export interface IndexOptions {
  onProgress?: (p: IndexProgress) => void;
  signal?: AbortSignal;
  /** Called after each step of saving (tests use it to kill the process mid-save). */
  onSaveStep?: (name: string) => void | Promise<void>;
}

/** Files handed to the readers at once: enough to keep every worker busy. */
const IN_FLIGHT = 8;

/** Where a run's time went, in milliseconds summed over files (the readers' work runs in parallel). */
export interface RunProfile {
  read: number;
  parse: number;
  enrich: number;
  terms: number;
  /** Putting releases in the index, on the main thread. */
  index: number;
}

export interface RunOutcome {
  profile: RunProfile;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  cancelled: boolean;
  failures: RememberedFailure[];
}

async function missingFolders(folders: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const folder of folders) {
    try {
      if (!(await stat(folder)).isDirectory()) missing.push(folder);
    } catch {
      missing.push(folder);
    }
  }
  return missing;
}

const isUnder = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`) || path.startsWith(`${folder}\\`);

/**
 * The files of some paths only (what a folder watcher saw change): the files themselves, or
 * everything under a path that is now a folder. Paths outside the archive folders, and hidden
 * ones, are left alone.
 */
async function filesOf(paths: string[], folders: string[], onSkip: SkipListener, hidden: boolean): Promise<ArchiveFile[]> {
  const out: ArchiveFile[] = [];
  for (const path of new Set(paths)) {
    const folder = folders.find((f) => isUnder(path, f));
    if (!folder || (!hidden && path.slice(folder.length).split(/[\\/]/).some((part) => part.startsWith('.')))) continue;
    let info;
    try {
      info = await lstat(path);
    } catch {
      continue; // Gone: the plan removes it.
    }
    if (info.isFile()) out.push({ path, size: info.size, mtimeMs: info.mtimeMs });
    else if (info.isDirectory()) out.push(...(await walkArchive([path], onSkip, { hidden })));
    else onSkip(path, info.isSymbolicLink() ? 'A symbolic link: links are not followed (an archive must not lead Liaison elsewhere).' : 'Not a regular file (a pipe, a socket or a device); it is not read.', 'not-a-file');
  }
  return out;
}

/**
 * One incremental run over the folders (or, with `scope`, over these paths only, without a walk):
 * plan, read what changed in worker threads, and apply it to the index. Saving is the caller's.
 */
export async function runIndexing(index: ReleaseIndex, pool: ReaderPool, folders: string[], previousFailures: RememberedFailure[], reporter: ProgressReporter, signal?: AbortSignal, scope?: string[], options: { hidden?: boolean } = {}): Promise<RunOutcome> {
  const failures: RememberedFailure[] = [];
  const skip: SkipListener = (path, message, code = 'unreadable') => void failures.push({ path, code, message, size: 0, mtimeMs: 0 });
  const missing = scope ? [] : await missingFolders(folders);
  const files = scope ? await filesOf(scope, folders, skip, !!options.hidden) : await walkArchive(folders.filter((f) => !missing.includes(f)), skip, { hidden: !!options.hidden });
  for (const folder of missing) failures.push({ path: folder, code: 'unreadable', message: 'This archive folder cannot be found (moved, renamed, or on a drive that is not connected); its releases were kept.', size: 0, mtimeMs: 0 });

  const inScope = (path: string): boolean => !scope || scope.some((p) => isUnder(path, p));
  const known = new Map<string, PressRelease>();
  for (const e of index.releases()) if (inScope(e.release.path)) known.set(e.release.path, e.release);
  const plan = planReindex(files, known as Map<string, KnownFile>, new Map(previousFailures.map((f) => [f.path, f])), missing);
  // Outside the scope, what failed before still stands.
  failures.push(...plan.keptFailures, ...previousFailures.filter((f) => !inScope(f.path)));
  let unchanged = plan.unchanged;
  reporter.phase('reading', { filesTotal: plan.toRead.length, errors: failures.length });

  let added = 0;
  let updated = 0;
  let cancelled = false;
  for (const path of plan.removed) index.remove(known.get(path)!.id);

  const progress = reporter.progress;
  const profile: RunProfile = { read: 0, parse: 0, enrich: 0, terms: 0, index: 0 };
  const handle = async (file: ArchiveFile, seq: number): Promise<void> => {
    const result = await pool.read({ seq, path: file.path, size: file.size, mtimeMs: file.mtimeMs, root: folders.find((f) => isUnder(file.path, f)) });
    // Cancelled: neither read nor failed; the next run reads it.
    if (!result.ok && result.code === 'cancelled') return;
    progress.filesDone++;
    progress.currentFile = file.path;
    const old = known.get(file.path);
    if (result.ok) {
      for (const k of ['read', 'parse', 'enrich', 'terms'] as const) profile[k] += result.timings[k];
      if (old && old.hash === result.release.hash) {
        // Touched but not changed: kept, with its new time.
        old.mtimeMs = file.mtimeMs;
        unchanged++;
      } else {
        if (old) {
          index.remove(old.id);
          updated++;
        } else added++;
        const t = performance.now();
        index.add(result.release, result.terms, result.link);
        profile.index += performance.now() - t;
      }
    } else {
      failures.push({ path: file.path, code: result.code, message: result.message, size: file.size, mtimeMs: file.mtimeMs });
      progress.errors++;
      if (old) index.remove(old.id);
    }
    // The last file is always reported: the bar reaches its end before the next phase.
    reporter.report(progress.filesDone === progress.filesTotal);
  };
  // Cancel means stop: the readers are terminated at once, whatever they were reading.
  const stop = (): void => void pool.cancel();
  signal?.addEventListener('abort', stop, { once: true });
  let next = 0;
  const inFlight = new Set<Promise<void>>();
  while (next < plan.toRead.length || inFlight.size) {
    if (signal?.aborted) cancelled = true;
    while (!cancelled && next < plan.toRead.length && inFlight.size < IN_FLIGHT) {
      const p = handle(plan.toRead[next]!, next).finally(() => inFlight.delete(p));
      inFlight.add(p);
      next++;
    }
    if (inFlight.size === 0) break;
    await Promise.race(inFlight);
  }
  signal?.removeEventListener('abort', stop);
  reporter.phase('indexing', { currentFile: null });
  return { profile, added, updated, removed: plan.removed.length, unchanged, cancelled, failures: failures.sort((a, b) => a.path.localeCompare(b.path)) };
}
