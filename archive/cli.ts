import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import type { FileFailure, PressRelease } from './api/types.js';
import { IngestError } from './ingest/errors.js';
import { readRelease } from './ingest/read.js';
import { walkArchive } from './ingest/walk.js';

export const USAGE = `Usage:
  liaison inspect <file-or-folder>... [--json]
  liaison index <folder>... --data <dir> [--json]
  liaison search "<query>" --data <dir> [--country JP]... [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                 [--lang fr] [--sort relevance|date|-date] [--limit N] [--offset N] [--json]
  liaison doc <id> --data <dir> [--json]
  liaison web [--port N] [--data <dir>] [--archive <folder>]...
  liaison bench [inspect|index] [--size N]`;

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
  bools: Set<string>;
}

export function parseArgs(argv: string[], valueFlags: string[], boolFlags: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const bools = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq > 0 ? eq : undefined);
      if (boolFlags.includes(name)) {
        bools.add(name);
        continue;
      }
      if (!valueFlags.includes(name)) throw new UsageError(`Unknown option --${name}.`);
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags, bools };
}

export type InspectRecord = Omit<PressRelease, 'text'> | { path: string; error: { code: string; message: string } };

/** Reads files or whole folders as releases; a bad file yields an error record, never a throw. */
export async function* inspectPaths(paths: string[]): AsyncGenerator<InspectRecord> {
  for (const target of paths) {
    let isDir = false;
    try {
      isDir = (await stat(target)).isDirectory();
    } catch (err) {
      yield { path: target, error: { code: 'unreadable', message: (err as Error).message } };
      continue;
    }
    const walkErrors: FileFailure[] = [];
    const files = isDir ? await walkArchive([target], (path, message) => walkErrors.push({ path, code: 'unreadable', message })) : [{ path: target, ...(await statOf(target)) }];
    for (const f of walkErrors) yield { path: f.path, error: { code: f.code, message: f.message } };
    for (const file of files) yield inspectFile(file.path, file.size, file.mtimeMs);
  }
}

async function statOf(path: string): Promise<{ size: number; mtimeMs: number }> {
  const s = await stat(path);
  return { size: s.size, mtimeMs: s.mtimeMs };
}

export async function inspectFile(path: string, size: number, mtimeMs: number): Promise<InspectRecord> {
  try {
    const bytes = await readFile(path);
    const { text: _text, ...release } = await readRelease(path, bytes, { size, mtimeMs });
    return release;
  } catch (err) {
    if (err instanceof IngestError) return { path, error: { code: err.code, message: err.message } };
    return { path, error: { code: 'unreadable', message: (err as Error).message } };
  }
}

export function describeRelease(r: InspectRecord): string {
  if ('error' in r) return `${r.path}\n  ✗ ${r.error.code}: ${r.error.message}\n`;
  const lines = [
    `${relative(process.cwd(), r.path) || r.path}`,
    `  ${r.title}`,
    `  ${r.published ?? 'no date'}${r.updated ? ` (updated ${r.updated.replace('T', ' ')})` : ''} · ${r.language} · ${r.format} ${r.encoding}`,
  ];
  if (r.countries.length) lines.push(`  Countries: ${r.countries.map((c) => `${c.name} (${c.code})${c.primary ? ' ★' : ''}`).join(', ')}`);
  if (r.organisations.length) lines.push(`  Organisations: ${r.organisations.join(', ')}`);
  for (const q of r.quotes.slice(0, 5)) lines.push(`  “${q.text.length > 90 ? `${q.text.slice(0, 90)}…` : q.text}” — ${q.speaker}${q.role ? `, ${q.role}` : ''}`);
  if (r.summary) lines.push(`  Summary: ${r.summary}`);
  return `${lines.join('\n')}\n`;
}

async function inspectCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, [], ['json']);
  if (args.positional.length === 0) throw new UsageError('inspect needs at least one file or folder.');
  for await (const record of inspectPaths(args.positional)) {
    process.stdout.write(args.bools.has('json') ? `${JSON.stringify(record)}\n` : `${describeRelease(record)}\n`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'inspect':
        return await inspectCommand(rest);
      case 'index':
      case 'search':
      case 'doc': {
        const { runIndexCommand, runSearchCommand, runDocCommand } = await import('./cli-archive.js');
        if (command === 'index') return await runIndexCommand(rest);
        if (command === 'search') return await runSearchCommand(rest);
        return await runDocCommand(rest);
      }
      case 'web': {
        const { runWeb } = await import('./web.js');
        return await runWeb(rest);
      }
      case 'bench': {
        const { runBench } = await import('./bench.js');
        return await runBench(rest);
      }
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`liaison: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}
