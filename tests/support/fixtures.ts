import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The samples the tests read, carried under tests/fixtures/ (see its README for their licences). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtures = join(projectRoot, 'tests/fixtures');
export const chSample = join(fixtures, 'ch-sample');
export const whSample = join(fixtures, 'wh-sample');
export const mixedSample = join(fixtures, 'mixed-sample');
export const seedFolder = join(fixtures, 'seed');
export const seedFile = join(seedFolder, 'nato-japan-cyberdefence-2019-10-09.fr.txt');

/** Reads a truth.tsv: tab-separated, with CSV-style quoting of fields that hold quotes. */
export function readTruth(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').replace(/\r/g, '').split('\n').filter((l) => l.length > 0);
  const header = splitTsv(lines[0]!);
  return lines.slice(1).map((line) => {
    const cells = splitTsv(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function splitTsv(line: string): string[] {
  return line.split('\t').map((cell) => (cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell));
}

export const normaliseSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();
