import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileFailure, IndexSummary } from '../../archive/api/types.js';
import { ReaderPool } from '../../archive/ingest/pool.js';
import { ArchiveService } from '../../archive/service.js';
import { freshDir } from '../support/archive-fixture.js';
import { projectRoot } from '../support/fixtures.js';
import { makeHostileArchive } from '../support/hostile.js';

/**
 * A hostile archive indexed by the command line and by the app's engine: no crash, no hang (each
 * file within its budget), every entry that is not a release listed with a reason, the good
 * releases searchable, and nothing read again on the next run.
 */
const budget = { seconds: 3, memoryMb: 384 };
const archive = makeHostileArchive(join(freshDir('liaison-hostile-'), 'archive'));
const env = { ...process.env, LIAISON_FILE_SECONDS: String(budget.seconds), LIAISON_FILE_MEMORY_MB: String(budget.memoryMb) };
const cli = (args: string[], timeout = 150_000) => spawnSync(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), ...args], { env, encoding: 'utf8', timeout, maxBuffer: 1 << 26 });

/** Every entry of the folder is a release or a listed failure: nothing is left out silently. */
function accountFor(summary: IndexSummary, releasePaths: string[]): void {
  const entries = readdirSync(archive.dir, { encoding: 'buffer' }).map((b) => b.toString('latin1'));
  const listed = (name: string): FileFailure | undefined => summary.failed.find((f) => f.path.startsWith(join(archive.dir, name)));
  for (const name of entries) {
    const isRelease = releasePaths.some((p) => p === join(archive.dir, name));
    const failure = listed(name);
    expect(isRelease || !!failure, `${name} is neither a release nor listed`).toBe(true);
    if (failure) expect(failure.message.length, name).toBeGreaterThan(10);
  }
  const code = (name: string): string | undefined => listed(name)?.code;
  expect(code('zip-bomb.docx')).toBe('too-large');
  expect(code('sparse-giant.txt')).toBe('too-large');
  expect(code('binary.txt')).toBe('binary');
  expect(code('emphasis.md')).toBe('too-slow');
  // A stream that inflates to 300 MB: stopped by a budget, or read through within it (it holds no text).
  expect(['too-slow', 'too-large', 'no-text']).toContain(code('pdf-stream-bomb.pdf'));
  expect(code('passwd.txt')).toBe('not-a-file');
  expect(code('etc-folder')).toBe('not-a-file');
  if (archive.hostile.includes('pipe.txt')) expect(code('pipe.txt')).toBe('not-a-file');
  expect(code('.hidden-release.txt')).toBe('skipped');
  expect(code('bad-name-')).toBe('skipped');
  expect(summary.failed.find((f) => f.code === 'too-slow')?.message).toMatch(new RegExp(`more than ${budget.seconds} s`));
}

describe('a hostile archive', () => {
  afterAll(async () => {
    await ReaderPool.resize(ReaderPool.defaultSize());
  });

  it('is indexed by the command line without a crash or a hang, every entry accounted for', { timeout: 300_000 }, async () => {
    const data = freshDir('liaison-hostile-data-');
    const started = Date.now();
    const run = cli(['index', archive.dir, '--data', data, '--json']);
    expect(run.error, run.stderr).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(120_000);
    const summary = JSON.parse(run.stdout.trim().split('\n').pop()!) as IndexSummary;
    const search = (q: string) => JSON.parse(cli(['search', q, '--data', data, '--json']).stdout) as { total: number; hits: { path: string; title: string }[] };
    const all = search('');
    accountFor(summary, all.hits.map((h) => h.path));
    for (const g of archive.good) expect(search(g.word).hits.map((h) => h.path), g.word).toEqual([join(archive.dir, g.file)]);

    // Titles are printed with their control characters escaped: a title cannot retitle or clear the terminal.
    const printed = cli(['search', 'escapes', '--data', data]).stdout;
    expect(printed).toContain('Title with escapes');
    expect([...printed].filter((c) => (c < ' ' && c !== '\n' && c !== '\t') || c === '\u007f' || c === '\u202e')).toEqual([]);
    expect(printed).toContain('\\u001b');

    // The next run reads nothing again: bad files are remembered until they change.
    const again = Date.now();
    const second = JSON.parse(cli(['index', archive.dir, '--data', data, '--json']).stdout.trim().split('\n').pop()!) as IndexSummary;
    expect(second).toMatchObject({ added: 0, updated: 0, removed: 0, documents: summary.documents });
    expect(second.failed.map((f) => `${f.path} ${f.code}`)).toEqual(summary.failed.map((f) => `${f.path} ${f.code}`));
    expect(Date.now() - again).toBeLessThan(budget.seconds * 1000 + 5000);
  });

  it('is indexed by the app\'s engine, the good releases searchable', { timeout: 300_000 }, async () => {
    await ReaderPool.resize(2, budget);
    const service = await ArchiveService.open({ dataDir: freshDir('liaison-hostile-app-'), folders: [archive.dir] });
    const summary = await service.reindex({});
    const all = await service.search({ query: '', limit: 100 });
    accountFor(summary, all.hits.map((h) => h.path));
    for (const g of archive.good) expect((await service.search({ query: g.word })).hits.map((h) => h.path), g.word).toEqual([join(archive.dir, g.file)]);
    // The page's text is there; none of its scripts, handlers or links are.
    const page = all.hits.find((h) => h.path.endsWith('hostile-page.html'))!;
    const view = await service.getRelease({ id: page.id });
    expect(view.title).toBe('Switzerland and Norway sign a fisheries accord');
    expect(view.text).not.toMatch(/__pwned|<script|javascript:|onerror|example\.com/);
  });
});
