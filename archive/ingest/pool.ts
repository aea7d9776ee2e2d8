import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadJob, ReadResult } from './worker.js';

/** What one file may cost a reader: past either, the reader is stopped and the file reported. */
export interface ReadBudget {
  /** Seconds of reading per file. */
  seconds: number;
  /** The reader thread's heap, in megabytes. */
  memoryMb: number;
}

export const DEFAULT_BUDGET: ReadBudget = { seconds: 30, memoryMb: 1024 };

type Task = { job: ReadJob; resolve: (r: ReadResult) => void; timer: NodeJS.Timeout | null };

/**
 * Reads files in worker threads, so that parsing never blocks the event loop that serves the UI
 * and one hostile file costs one reader, never the process: each reader has a memory limit, each
 * file a time budget (the reader is terminated and replaced when it is spent), and a file that
 * blows either is answered as a failure saying which. In the packaged app and the command line
 * the reader is the built `ingest-worker.js` beside this module; from sources it is the `.ts`
 * file run through tsx. Where no reader can start at all, files are read in-process.
 */
export class ReaderPool {
  private static process: ReaderPool | null = null;

  /** The process's readers: started at the first run and kept for the next (idle, they do not keep the process alive). */
  static shared(): ReaderPool {
    ReaderPool.process ??= new ReaderPool();
    return ReaderPool.process;
  }

  /** Replaces the process's readers with `size` of them (the benchmark compares one with all cores). */
  static async resize(size: number, budget?: ReadBudget): Promise<void> {
    await ReaderPool.process?.close();
    ReaderPool.process = new ReaderPool(size, undefined, undefined, budget);
  }

  /** One reader per core, at most four. */
  static defaultSize(): number {
    return Math.max(1, Math.min(4, cpus().length));
  }

  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: Task[] = [];
  private pending = new Map<Worker, Task>();
  private inProcess = false;
  /** Readers that said they are ready: an error before that means the reader could not start. */
  private ready = new WeakSet<Worker>();
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
    readonly budget: ReadBudget = budgetFromEnvironment(),
  ) {
    const built = new URL('./ingest-worker.js', import.meta.url);
    const source = new URL('./worker-entry.mjs', import.meta.url);
    this.url = workerUrl ?? (existsSync(fileURLToPath(built)) ? built : source);
  }

  private start(): void {
    for (let i = this.workers.length; i < this.size; i++) {
      try {
        const worker = new Worker(this.url, { resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 64 } });
        worker.on('message', (message: ReadResult | { ready: true }) => {
          if ('ready' in message) {
            this.ready.add(worker);
            this.pump();
          } else this.done(worker, message);
        });
        worker.on('error', (err) => this.failed(worker, err));
        this.workers.push(worker);
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
      this.queue.push({ job, resolve, timer: null });
      this.pump();
    });
  }

  /** Stops every reader now: what they were reading, and what waits, is answered as cancelled. */
  async cancel(): Promise<void> {
    const tasks = [...this.pending.values(), ...this.queue.splice(0)];
    this.pending.clear();
    for (const t of tasks) {
      if (t.timer) clearTimeout(t.timer);
      t.resolve({ seq: t.job.seq, ok: false, code: 'cancelled', message: 'Reading was cancelled.' });
    }
    await this.close();
  }

  private armIdle(): void {
    if (this.pending.size || this.queue.length || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.pending.size && !this.queue.length) void this.close();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  /** Readers keep the process alive only while there is something to read. */
  private holdProcess(): void {
    const busy = this.pending.size > 0 || this.queue.length > 0;
    for (const w of this.workers) {
      if (busy) w.ref();
      else w.unref();
    }
  }

  private pump(): void {
    for (;;) {
      const worker = this.workers.find((w) => this.ready.has(w) && !this.pending.has(w));
      const task = worker && this.queue.shift();
      if (!worker || !task) {
        this.holdProcess();
        return;
      }
      this.pending.set(worker, task);
      task.timer = setTimeout(() => this.overrun(worker), this.budget.seconds * 1000);
      worker.postMessage(task.job);
    }
  }

  private done(worker: Worker, result: ReadResult): void {
    const task = this.pending.get(worker);
    this.pending.delete(worker);
    if (task?.timer) clearTimeout(task.timer);
    task?.resolve(result);
    this.pump();
    this.armIdle();
  }

  /** A file that takes longer than its budget: its reader is stopped and another takes its place. */
  private overrun(worker: Worker): void {
    const task = this.pending.get(worker);
    if (!task) return;
    this.retire(worker);
    task.resolve({ seq: task.job.seq, ok: false, code: 'too-slow', message: `Reading this file took more than ${this.budget.seconds} s, the time one file may take; it was stopped (it will be tried again when it changes).` });
    this.start();
    this.pump();
  }

  private retire(worker: Worker): void {
    this.pending.delete(worker);
    this.workers = this.workers.filter((w) => w !== worker);
    void worker.terminate();
  }

  private failed(worker: Worker, err: Error & { code?: string }): void {
    const task = this.pending.get(worker);
    if (task?.timer) clearTimeout(task.timer);
    const wasReady = this.ready.has(worker);
    this.retire(worker);
    if (!wasReady) {
      // The reader could not start (a packaged app that cannot load it): read here instead.
      if (this.workers.length === 0) {
        this.inProcess = true;
        for (const t of this.queue.splice(0)) void this.read(t.job).then(t.resolve);
      }
      return;
    }
    // A reader that worked died on a file (out of memory on a hostile one): that file fails, another reader takes its place.
    const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
    task?.resolve({
      seq: task.job.seq,
      ok: false,
      code: outOfMemory ? 'too-large' : 'unreadable',
      message: outOfMemory ? `Reading this file needed more than ${this.budget.memoryMb} MB of memory, what one file may take; it was stopped.` : `Reading this file stopped the reader: ${err.message}`,
    });
    this.start();
    this.pump();
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The budget, as set for a run (LIAISON_FILE_SECONDS, LIAISON_FILE_MEMORY_MB) or the default. */
function budgetFromEnvironment(): ReadBudget {
  const seconds = Number(process.env['LIAISON_FILE_SECONDS']);
  const memoryMb = Number(process.env['LIAISON_FILE_MEMORY_MB']);
  return { seconds: seconds > 0 ? seconds : DEFAULT_BUDGET.seconds, memoryMb: memoryMb > 0 ? memoryMb : DEFAULT_BUDGET.memoryMb };
}
