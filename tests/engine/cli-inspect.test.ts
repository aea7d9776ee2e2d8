import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot, seedFile } from '../support/fixtures.js';

const run = promisify(execFile);
const cli = join(projectRoot, 'bin/liaison.mjs');

describe('liaison inspect', () => {
  it('prints one JSON record per file with the fields of the contract', async () => {
    const { stdout } = await run(process.execPath, [cli, 'inspect', seedFile, '--json']);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({
      path: seedFile,
      format: 'txt',
      encoding: 'utf-8',
      published: '2019-10-09',
      updated: '2019-10-09T18:15',
      language: 'fr',
      organisations: ['NATO'],
    });
    for (const key of ['title', 'countries', 'quotes', 'summary', 'paragraphs']) expect(record).toHaveProperty(key);
    expect(record.countries[0]).toMatchObject({ code: 'JP', name: 'Japan', about: true });
    expect(record.countries[0].evidence[0]).toEqual({ text: 'Japon', start: expect.any(Number), end: expect.any(Number) });
  });

  it('prints a readable summary without --json', async () => {
    const { stdout } = await run(process.execPath, [cli, 'inspect', seedFile]);
    expect(stdout).toContain('Countries: Japan (JP) ★');
    expect(stdout).toContain('Christian Liflander');
  });

  it('exits non-zero with a usage message on bad arguments', async () => {
    for (const args of [['inspect'], ['inspect', seedFile, '--bogus'], ['frobnicate']]) {
      const err = await run(process.execPath, [cli, ...args]).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(err?.code).toBe(2);
      expect(err?.stderr).toMatch(/Usage:/);
    }
  });

  it('reports a missing path as an error record and still exits 0', async () => {
    const { stdout } = await run(process.execPath, [cli, 'inspect', '/no/such/file.txt', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ path: '/no/such/file.txt', error: { code: 'unreadable' } });
  });
});
