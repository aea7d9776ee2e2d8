import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadJob, ReadResult } from './worker.js';

/**
 * Reads files in worker threads so that parsing never blocks the event loop that serves the UI.
 * In the packaged app the worker is a built `.js` beside this module; from sources it is the
 * `.ts` file run through tsx. Where no worker can start, files are read in-process.
 */
export class ReaderPool {
  private static process: ReaderPool | null = null;

  /** The process's readers: started at the first run and kept for the next (idle, they do not keep the process alive). */
  static shared(): ReaderPool {
    ReaderPool.process ??= new ReaderPool();
    return ReaderPool.process;
  }

  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { job: ReadJob; resolve: (r: ReadResult) => void }[] = [];
  private pending = new Map<Worker, { job: ReadJob; resolve: (r: ReadResult) => void }>();
  private inProcess = false;
  /** Workers that have answered at least once: an error before that means the worker could not start. */
  private started = new WeakSet<Worker>();

  constructor(size = Math.max(1, Math.min(4, cpus().length)), workerUrl?: URL) {
    const built = new URL('./ingest-worker.js', import.meta.url);
    const source = new URL('./worker-entry.mjs', import.meta.url);
    const url = workerUrl ?? (existsSync(fileURLToPath(built)) ? built : source);
    for (let i = 0; i < size; i++) {
      try {
        const worker = new Worker(url);
        worker.on('message', (result: ReadResult) => this.done(worker, result));
        worker.on('error', (err) => this.failed(worker, err));
        worker.unref();
        this.workers.push(worker);
        this.idle.push(worker);
      } catch {
        this.inProcess = true;
        break;
      }
    }
    if (this.workers.length === 0) this.inProcess = true;
  }

  read(job: ReadJob): Promise<ReadResult> {
    if (this.inProcess) return import('./worker.js').then((m) => m.readJob(job));
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.pending.set(worker, task);
      worker.ref();
      worker.postMessage(task.job);
    }
  }

  private done(worker: Worker, result: ReadResult): void {
    this.started.add(worker);
    const task = this.pending.get(worker);
    this.pending.delete(worker);
    worker.unref();
    this.idle.push(worker);
    task?.resolve(result);
    this.pump();
  }

  private failed(worker: Worker, err: Error): void {
    // A worker that dies (out of memory on a hostile file) fails its file, not the run.
    const task = this.pending.get(worker);
    this.pending.delete(worker);
    this.workers = this.workers.filter((w) => w !== worker);
    this.idle = this.idle.filter((w) => w !== worker);
    if (task && !this.started.has(worker)) {
      // The worker never ran (a packaged app that cannot load it): read this file here instead.
      void import('./worker.js').then((m) => m.readJob(task.job)).then(task.resolve);
    } else {
      task?.resolve({ seq: task.job.seq, ok: false, code: 'unreadable', message: `Reading this file stopped the reader: ${err.message}` });
    }
    if (this.workers.length === 0) {
      this.inProcess = true;
      for (const t of this.queue.splice(0)) void this.read(t.job).then(t.resolve);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
    this.idle = [];
  }
}
