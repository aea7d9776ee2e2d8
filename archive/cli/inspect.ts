import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import type { FileFailure, PressRelease } from '../api/types.js';
import { readReleaseFile } from '../ingest/read.js';
import { walkArchive } from '../ingest/walk.js';
import { parseArgs, UsageError } from './args.js';

export type InspectRecord = Omit<PressRelease, 'text'> | { path: string; error: { code: string; message: string } };

/** Reads files or whole folders as releases; a bad file yields an error record, never a throw. */
export async function* inspectPaths(paths: string[]): AsyncGenerator<InspectRecord> {
  for (const target of paths) {
    let info;
    try {
      info = await stat(target);
    } catch (err) {
      yield { path: target, error: { code: 'unreadable', message: (err as Error).message } };
      continue;
    }
    const walkErrors: FileFailure[] = [];
    const files = info.isDirectory() ? await walkArchive([target], (path, message) => walkErrors.push({ path, code: 'unreadable', message })) : [{ path: target, size: info.size, mtimeMs: info.mtimeMs }];
    for (const f of walkErrors) yield { path: f.path, error: { code: f.code, message: f.message } };
    for (const file of files) {
      const outcome = await readReleaseFile(file.path, file);
      if (!outcome.ok) yield { path: file.path, error: { code: outcome.code, message: outcome.message } };
      else {
        const { text: _text, ...release } = outcome.release;
        yield release;
      }
    }
  }
}

export function describeRelease(r: InspectRecord): string {
  if ('error' in r) return `${r.path}\n  ✗ ${r.error.code}: ${r.error.message}\n`;
  const lines = [
    `${relative(process.cwd(), r.path) || r.path}`,
    `  ${r.title}`,
    `  ${r.published ?? 'no date'}${r.updated ? ` (updated ${r.updated.replace('T', ' ')})` : ''} · ${r.language} · ${r.format} ${r.encoding}`,
  ];
  if (r.countries.length) lines.push(`  Countries: ${r.countries.map((c) => `${c.name} (${c.code})${c.about ? ` ★ (${c.aboutBecause.join(', ')})` : c.home ? ' (home)' : ''}`).join(', ')}`);
  if (r.organisations.length) lines.push(`  Organisations: ${r.organisations.join(', ')}`);
  for (const q of r.quotes.slice(0, 5)) lines.push(`  “${q.text.length > 90 ? `${q.text.slice(0, 90)}…` : q.text}” — ${q.speaker}${q.role ? `, ${q.role}` : ''}`);
  if (r.summary) lines.push(`  Summary: ${r.summary}`);
  return `${lines.join('\n')}\n`;
}

/** `liaison inspect <file-or-folder>... [--json]` */
export async function inspectCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, [], ['json']);
  if (args.positional.length === 0) throw new UsageError('inspect needs at least one file or folder.');
  for await (const record of inspectPaths(args.positional)) {
    process.stdout.write(args.bools.has('json') ? `${JSON.stringify(record)}\n` : `${describeRelease(record)}\n`);
  }
  return 0;
}
