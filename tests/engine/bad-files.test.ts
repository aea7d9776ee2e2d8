import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkedParts } from '../../archive/ingest/docx.js';
import { MAX_FILE_BYTES } from '../../archive/ingest/model.js';
import { IngestError } from '../../archive/ingest/errors.js';
import { readRelease } from '../../archive/ingest/read.js';
import { makeDocx, makePdf } from '../../archive/cli/bench-documents.js';
import { projectRoot } from '../support/fixtures.js';

async function failure(path: string, bytes: Uint8Array): Promise<string> {
  try {
    await readRelease(path, bytes, { size: bytes.length, mtimeMs: 0 });
    return 'read without error';
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).message.length).toBeGreaterThan(10);
    return (err as IngestError).code;
  }
}

/** A .docx whose parts inflate to far more than the limit: 200 MB of zeros in ~200 KB. */
function zipBomb(): Uint8Array {
  const zeros = new Uint8Array(200 * 1024 * 1024);
  return zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': [zeros, { level: 9 }] });
}

describe('bad files give per-file errors, never a crash', () => {
  it('empty file', async () => expect(await failure('a.txt', new Uint8Array())).toBe('empty'));
  it('binary data named .txt', async () => expect(await failure('photo.txt', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]))).toBe('binary'));
  it('invalid UTF-8', async () => expect(await failure('a.md', Buffer.concat([Buffer.from('# Titre été\n\nCorps '), Buffer.from([0xe9, 0x80]), Buffer.from(' défense')]))).toBe('invalid-encoding'));
  it('unsupported format', async () => expect(await failure('table.xlsx', Uint8Array.from([1, 2, 3]))).toBe('unsupported-format'));
  it('a file over the size limit', async () => expect(await failure('huge.txt', new Uint8Array(MAX_FILE_BYTES + 1))).toBe('too-large'));
  it('a file named .pdf that is not one', async () => expect(await failure('fake.pdf', new TextEncoder().encode('hello, not a pdf'))).toBe('damaged-file'));

  it('a truncated PDF', async () => {
    const whole = await makePdf({ title: 'Titre', dateLine: '09 Oct. 2019', paragraphs: ['Un paragraphe de texte assez long pour la page.'] });
    expect(await failure('cut.pdf', whole.subarray(0, Math.floor(whole.length * 0.4)))).toBe('damaged-file');
  });

  it('a truncated Word file', async () => {
    const whole = await makeDocx({ title: 'Titre', dateLine: '09 Oct. 2019', paragraphs: ['Texte.'] });
    expect(await failure('cut.docx', whole.subarray(0, Math.floor(whole.length / 2)))).toBe('damaged-file');
  });

  it('a zip bomb .docx is refused before it is inflated whole', async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(await failure('bomb.docx', bomb)).toBe('too-large');
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
    expect(() => checkedParts(bomb, 1024 * 1024)).toThrow(/expands to more than/);
  });

  it('a Word file whose directory declares a small part that inflates to 200 MB is read no further than declared', async () => {
    const hidden = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new Uint8Array(200 * 1024 * 1024) });
    // The central directory (what readers go by) and the local header both declare 1,000 bytes.
    const view = new DataView(hidden.buffer, hidden.byteOffset, hidden.byteLength);
    for (let i = 0; i + 4 <= hidden.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50 && new TextDecoder().decode(hidden.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))) === 'word/document.xml') view.setUint32(i + 24, 1000, true);
      if (sig === 0x04034b50 && new TextDecoder().decode(hidden.subarray(i + 30, i + 30 + view.getUint16(i + 26, true))) === 'word/document.xml') view.setUint32(i + 22, 1000, true);
    }
    const before = process.memoryUsage().rss;
    expect(checkedParts(hidden)['word/document.xml']!.length).toBeLessThanOrEqual(1000);
    expect(['damaged-file', 'no-text']).toContain(await failure('hidden.docx', hidden));
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('`liaison inspect --json` reports each bad file and goes on (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-bad-'));
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    writeFileSync(join(dir, 'c-good.txt'), 'Accord avec le Japon\n\n  • 09 Oct. 2019 -\n\nBerne - La Suisse et le Japon ont signé un accord.\n');
    writeFileSync(join(dir, 'd-bomb.docx'), zipBomb());
    const { stdout } = await promisify(execFile)(process.execPath, [join(projectRoot, 'bin/liaison.mjs'), 'inspect', dir, '--json'], { maxBuffer: 1 << 24 });
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; error?: { code: string }; title?: string; published?: string });
    expect(records.map((r) => r.error?.code ?? r.title)).toEqual(['empty', 'binary', 'Accord avec le Japon', 'too-large']);
    expect(records[2]!.published).toBe('2019-10-09');
  });
});
