import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Measuring helpers for the benchmarks: medians, percentiles, peak memory, timed child processes. */

export const median = (xs: number[]): number => percentile(xs, 50);

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const mb = (bytes: number): number => Math.round(bytes / 1048576);

/** Runs `work` while sampling this process's resident memory; returns its result, seconds and peak RSS (bytes). */
export async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakRss: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const t0 = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, seconds: (performance.now() - t0) / 1000, peakRss: peak };
  } finally {
    clearInterval(timer);
  }
}

/** `work` run `runs` times; the run of median time, with every run's seconds. */
export async function medianOf<T>(runs: number, work: (run: number) => Promise<{ value: T; seconds: number; peakRss: number }>): Promise<{ value: T; seconds: number; peakRss: number; all: number[] }> {
  const results: { value: T; seconds: number; peakRss: number }[] = [];
  for (let i = 0; i < runs; i++) results.push(await work(i));
  const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...mid, peakRss: Math.max(...results.map((r) => r.peakRss)), all: results.map((r) => r.seconds) };
}

/**
 * Runs a command and returns its wall time, its output and, for a Node command, its peak resident
 * memory (a preload module prints it at exit on a line of its own).
 */
export function timedChild(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; node?: boolean; scratch: string }): Promise<{ seconds: number; stdout: string; stderr: string; code: number | null; peakRss: number | null }> {
  let env = { ...process.env, ...options.env };
  if (options.node) {
    const preload = join(options.scratch, 'peak-rss.cjs');
    // VmHWM is this process's own peak (getrusage's maxrss would carry the parent's over from the fork).
    writeFileSync(preload, "process.on('exit', () => { const fs = require('node:fs'); let kb = process.resourceUsage().maxRSS; try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {} fs.writeSync(2, `\\npeak-rss ${kb * 1024}\\n`); });\n");
    env = { ...env, NODE_OPTIONS: `${env['NODE_OPTIONS'] ?? ''} --require ${JSON.stringify(preload)}`.trim() };
  }
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const rss = /peak-rss (\d+)/.exec(stderr);
      resolve({ seconds, stdout, stderr: stderr.replace(/\n?peak-rss \d+\n?/, ''), code, peakRss: rss ? Number(rss[1]) : null });
    });
  });
}
