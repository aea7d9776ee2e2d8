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

  /** Replaces the process's readers with `size` of them (the benchmark compares one with all cores). */
  static async resize(size: number): Promise<void> {
    await ReaderPool.process?.close();
    ReaderPool.process = new ReaderPool(size);
  }

  /** One reader per core, at most four. */
  static defaultSize(): number {
    return Math.max(1, Math.min(4, cpus().length));
  }

  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { job: ReadJob; resolve: (r: ReadResult) => void }[] = [];
  private pending = new Map<Worker, { job: ReadJob; resolve: (r: ReadResult) => void }>();
  private inProcess = false;
  /** Workers that have answered at least once: an error before that means the worker could not start. */
  private started = new WeakSet<Worker>();

  private readonly url: URL;
  private idleTimer: NodeJS.Timeout | null = null;

  /**
   * `size` readers, started at the first file and stopped after `idleMs` with nothing to read:
   * each holds its parsers and language tables (about 200 MB), which an open archive does not need.
   */
  constructor(
    private readonly size = ReaderPool.defaultSize(),
    workerUrl?: URL,
    private readonly idleMs = 20_000,
  ) {
    const built = new URL('./ingest-worker.js', import.meta.url);
    const source = new URL('./worker-entry.mjs', import.meta.url);
    this.url = workerUrl ?? (existsSync(fileURLToPath(built)) ? built : source);
  }

  private start(): void {
    for (let i = this.workers.length; i < this.size; i++) {
      try {
        const worker = new Worker(this.url);
        worker.on('message', (result: ReadResult) => this.done(worker, result));
        worker.on('error', (err) => this.failed(worker, err));
        worker.unref();
        this.workers.push(worker);
        this.idle.push(worker);
      } catch {
        break;
      }
    }
    if (this.workers.length === 0) this.inProcess = true;
  }

  /** How many reader threads are running now. */
  get running(): number {
    return this.workers.length;
  }

  read(job: ReadJob): Promise<ReadResult> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.inProcess && this.workers.length === 0) this.start();
    if (this.inProcess) return import('./worker.js').then((m) => m.readJob(job));
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  private armIdle(): void {
    if (this.pending.size || this.queue.length || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.pending.size && !this.queue.length) void this.close();
    }, this.idleMs);
    this.idleTimer.unref();
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
    this.armIdle();
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
    if (this.started.has(worker)) {
      // A reader that worked before died on a file: another takes its place.
      this.start();
      this.pump();
    } else if (this.workers.length === 0) {
      this.inProcess = true;
      for (const t of this.queue.splice(0)) void this.read(t.job).then(t.resolve);
    }
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
    this.idle = [];
  }
}
