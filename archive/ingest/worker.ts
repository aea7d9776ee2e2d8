import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { IngestError } from './errors.js';
import { readRelease } from './read.js';

/** A reading worker: file in, PressRelease (or the reason it cannot be read) out. */
export interface ReadJob {
  seq: number;
  path: string;
  size: number;
  mtimeMs: number;
}

export type ReadResult =
  | { seq: number; ok: true; release: import('../api/types.js').PressRelease }
  | { seq: number; ok: false; code: import('../api/types.js').FileErrorCode; message: string };

export async function readJob(job: ReadJob): Promise<ReadResult> {
  try {
    const bytes = await readFile(job.path);
    const release = await readRelease(job.path, bytes, { size: job.size, mtimeMs: job.mtimeMs });
    return { seq: job.seq, ok: true, release };
  } catch (err) {
    if (err instanceof IngestError) return { seq: job.seq, ok: false, code: err.code, message: err.message };
    return { seq: job.seq, ok: false, code: 'unreadable', message: (err as Error).message ?? String(err) };
  }
}

parentPort?.on('message', (job: ReadJob) => {
  void readJob(job).then((result) => parentPort!.postMessage(result));
});
