import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/**
 * Watches the archive folders while the app runs: the paths that change are gathered for a moment
 * (a copy of a hundred files is one batch, not a hundred) and handed over together, so that they
 * are indexed within seconds without walking the folders.
 */
export class FolderWatcher {
  private watchers = new Map<string, FSWatcher>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly onChange: (paths: string[]) => void,
    private readonly quietMs = 800,
  ) {}

  /** Watches exactly these folders (those no longer listed are let go). */
  watch(folders: string[]): void {
    for (const [folder, watcher] of this.watchers) {
      if (!folders.includes(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (this.watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { recursive: true, persistent: false }, (_event, name) => this.changed(name ? join(folder, name.toString()) : folder));
        // A folder that goes away (a drive unplugged) stops its watcher; the next run says so.
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(folder);
        });
        this.watchers.set(folder, watcher);
      } catch {
        // A folder that cannot be watched (missing, or a file system without notifications) is
        // still indexed at start and on demand.
      }
    }
  }

  private changed(path: string): void {
    this.pending.add(path);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.quietMs);
    this.timer.unref();
  }

  private flush(): void {
    this.timer = null;
    const paths = [...this.pending];
    this.pending.clear();
    if (paths.length) this.onChange(paths);
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    if (this.timer) clearTimeout(this.timer);
    this.pending.clear();
  }
}
