import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/fixtures.js';

/**
 * The rooms of the house (ARCHITECTURE.md, archive/DESIGN.md), checked on the sources: no import
 * circle, no import from a lower room to a higher one, no file too long to take in at once.
 */
const sources = ['archive', 'renderer/src', 'electron']
  .flatMap((dir) => (readdirSync(join(projectRoot, dir), { recursive: true }) as string[]).map((f) => join(dir, f)))
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));

/** Rooms of the engine from the bottom up: a room imports only from its own level or below. */
const LEVELS: [RegExp, number][] = [
  [/^archive\/api\//, 0],
  [/^archive\/(enrich\/|paths\.ts)/, 1],
  [/^archive\/search\//, 2],
  [/^archive\/(ingest|store)\//, 3],
  [/^archive\/indexing\//, 4],
  [/^archive\/(local-archive|validate)\.ts|^archive\/briefing\//, 5],
  [/^archive\/(service\.ts|team\/)/, 6],
  [/^archive\/transport\//, 7],
  [/^archive\/(cli\/|index\.ts)/, 8],
  [/^(electron|renderer)\//, 9],
];
const levelOf = (file: string): number => LEVELS.find(([re]) => re.test(file))?.[1] ?? -1;

/** Files allowed past 300 lines, each with the reason. */
const LONG_FILES: Record<string, string> = {};

function importsOf(file: string): string[] {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)) {
    const spec = (m[1] ?? m[2])!;
    const target = relative(projectRoot, resolve(projectRoot, dirname(file), spec)).replace(/\.js$/, '');
    const found = [`${target}.ts`, `${target}.tsx`, target].find((t) => sources.includes(t));
    if (found) out.push(found);
  }
  return out;
}

const graph = new Map(sources.map((f) => [f, importsOf(f)]));

describe('the house', () => {
  it('knows every source file’s room', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.filter((f) => levelOf(f) < 0)).toEqual([]);
  });

  it('has no import from a lower room to a higher one', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) for (const target of imports) if (levelOf(target) > levelOf(file)) wrong.push(`${file} → ${target}`);
    expect(wrong).toEqual([]);
  });

  it('has no import circle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of sources) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('keeps files of the engine and the UI under 300 lines', () => {
    const long = sources
      .filter((f) => f.startsWith('archive/') || f.startsWith('renderer/'))
      .map((f) => [f, readFileSync(join(projectRoot, f), 'utf8').split('\n').length - 1] as const)
      .filter(([f, n]) => n > 300 && !LONG_FILES[f]);
    expect(long).toEqual([]);
  });
});
