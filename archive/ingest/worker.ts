import { parentPort, threadId } from 'node:worker_threads';
import type { FileErrorCode, PressRelease } from '../api/types.js';
import { termsOfRelease, type ReleaseTerms } from '../search/tokens.js';
import { readReleaseFile } from './read.js';

/** A reading worker: file in; the release with its index terms (or the reason it cannot be read) out. */
export interface ReadJob {
  seq: number;
  path: string;
  size: number;
  mtimeMs: number;
}

export type ReadResult =
  | { seq: number; ok: true; release: PressRelease; terms: ReleaseTerms; /** The thread that read it (0: the main thread). */ threadId: number }
  | { seq: number; ok: false; code: FileErrorCode; message: string };

export async function readJob(job: ReadJob): Promise<ReadResult> {
  const outcome = await readReleaseFile(job.path, job);
  if (!outcome.ok) return { seq: job.seq, ...outcome };
  // Terms are computed here, off the thread that serves the UI.
  return { seq: job.seq, ...outcome, terms: termsOfRelease(outcome.release), threadId };
}

parentPort?.on('message', (job: ReadJob) => {
  void readJob(job).then((result) => parentPort!.postMessage(result));
});
