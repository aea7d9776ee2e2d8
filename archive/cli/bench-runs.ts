import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { foldKeepLength } from '../enrich/fold.js';
import { decodeText } from '../ingest/decode.js';
import type { ArchiveFile } from '../ingest/walk.js';
import { timedChild } from './bench-measure.js';

/** The floor and Recoll: what the benchmark compares Liaison's indexing with. */

const TEXT_FORMATS = /\.(txt|html?|md)$/i;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The floor: every file read and, for the text formats, decoded, accent-folded and split into
 * words, in one thread, nothing else (PDF and Word files are only read: getting their text out
 * is already parsing).
 */
export async function floorRun(files: ArchiveFile[]): Promise<{ words: number; bytes: number }> {
  let words = 0;
  let bytes = 0;
  for (const f of files) {
    const data = await readFile(f.path);
    bytes += data.length;
    if (!TEXT_FORMATS.test(f.path)) continue;
    const folded = foldKeepLength(decodeText(data).text);
    for (const _ of folded.matchAll(WORD)) words++;
  }
  return { words, bytes };
}

export function recollAvailable(): boolean {
  return spawnSync('recollindex', ['-h'], { stdio: 'ignore' }).error === undefined;
}

/** Recoll's indexer over the same folder, from an empty index (a fresh configuration each run). */
export async function recollRun(folder: string, scratch: string, run: number): Promise<{ seconds: number; ok: boolean; message: string }> {
  const conf = join(scratch, `recoll-${run}`);
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, 'recoll.conf'), `topdirs = ${resolve(folder)}\nloglevel = 1\nidxflushmb = 50\n`);
  const result = await timedChild('recollindex', ['-c', conf, '-z'], { scratch });
  return { seconds: result.seconds, ok: result.code === 0, message: result.code === 0 ? '' : result.stderr.trim().split('\n').slice(-2).join(' ') };
}
