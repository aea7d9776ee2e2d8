import type { IndexProgress } from '../api/types.js';

/** Progress of a run, with files per second and the time left, sent at most ten times a second. */
export class ProgressReporter {
  readonly progress: IndexProgress = { phase: 'scanning', filesDone: 0, filesTotal: 0, filesPerSecond: 0, currentFile: null, errors: 0, etaSeconds: null, message: null };
  private readonly started = performance.now();
  private last = 0;

  constructor(private readonly listener?: (p: IndexProgress) => void) {}

  phase(phase: IndexProgress['phase'], patch: Partial<IndexProgress> = {}): void {
    Object.assign(this.progress, { phase, ...patch });
    this.report(true);
  }

  report(force = false): void {
    const now = performance.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const p = this.progress;
    const seconds = (now - this.started) / 1000;
    p.filesPerSecond = seconds > 0 ? Math.round((p.filesDone / seconds) * 10) / 10 : 0;
    p.etaSeconds = p.filesPerSecond > 0 ? Math.round((p.filesTotal - p.filesDone) / p.filesPerSecond) : null;
    this.listener?.({ ...p });
  }

  get seconds(): number {
    return Math.round((performance.now() - this.started) / 10) / 100;
  }
}
