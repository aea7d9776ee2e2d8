import { parentPort, threadId } from 'node:worker_threads';
import type { FileErrorCode, PressRelease } from '../api/types.js';
import { termsOfRelease, type ReleaseTerms } from '../search/tokens.js';
import { linkShapeOf, type LinkShape } from '../search/translations.js';
import { readReleaseFile, type ReadTimings } from './read.js';

/** A reading worker: file in; the release with its index terms (or the reason it cannot be read) out. */
export interface ReadJob {
  seq: number;
  path: string;
  size: number;
  mtimeMs: number;
  /** The archive folder the file must lie in. */
  root?: string;
}

export type ReadResult =
  | { seq: number; ok: true; release: PressRelease; terms: ReleaseTerms; /** The thread that read it (0: the main thread). */ threadId: number; link: LinkShape; timings: ReadTimings & { terms: number } }
  | { seq: number; ok: false; code: FileErrorCode; message: string };

export async function readJob(job: ReadJob): Promise<ReadResult> {
  const timings: ReadTimings = { read: 0, parse: 0, enrich: 0 };
  const outcome = await readReleaseFile(job.path, job, timings, { summary: false });
  if (!outcome.ok) return { seq: job.seq, ...outcome };
  // Terms are computed here, off the thread that serves the UI.
  const t = performance.now();
  const terms = termsOfRelease(outcome.release);
  const link = linkShapeOf(outcome.release);
  // The paragraphs are the text again: not sent twice (see paragraphsOf).
  return { seq: job.seq, ok: true, release: { ...outcome.release, paragraphs: [] }, terms, link, threadId, timings: { ...timings, terms: performance.now() - t } };
}

parentPort?.on('message', (job: ReadJob) => {
  void readJob(job).then((result) => parentPort!.postMessage(result));
});
// Loaded: the pool hands files to a reader only once it says so.
parentPort?.postMessage({ ready: true });
