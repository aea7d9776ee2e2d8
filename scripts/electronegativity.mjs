// `npm run check:electron`: Electronegativity (Doyensec's checker of Electron apps) over the shell,
// as a gate. It exits 0 whatever it finds, so its findings are read here: each one must be fixed
// or listed in electron/electronegativity-allow.json with the reason; anything else fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const bin = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');

/** One run of Electronegativity: its report as text. */
function report() {
  const out = join(mkdtempSync(join(tmpdir(), 'liaison-eneg-')), 'findings.csv');
  const run = spawnSync(process.execPath, [bin, '-i', join(root, 'electron'), '-o', out, '-r', '-v', 'false', '-e', electronVersion], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  try {
    return readFileSync(out, 'utf8');
  } catch {
    console.error(`Electronegativity did not run: ${run.error?.message ?? run.stderr}`);
    process.exit(1);
  } finally {
    rmSync(dirname(out), { recursive: true, force: true });
  }
}

/** The CSV's rows: quoted fields may hold commas, doubled quotes and line breaks. */
function rows(text) {
  const out = [];
  let row = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cur.trim());
      cur = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cur.trim());
      cur = '';
      if (row.some(Boolean)) out.push(row);
      row = [];
    } else cur += c;
  }
  row.push(cur.trim());
  if (row.some(Boolean)) out.push(row);
  return out;
}
/**
 * A report is whole when every row has the header's columns and names a check: now and then a
 * run leaves its file garbled (rows run together), and is then run again, at most three times.
 */
const whole = (table) => table.length > 0 && table.slice(1).every((r) => r.length === table[0].length && /^[A-Z0-9_]+$/.test(r[0]));
let table = rows(report());
for (let attempt = 2; attempt <= 3 && !whole(table); attempt++) {
  console.log(`Electronegativity's report was garbled; running it again (${attempt} of 3).`);
  table = rows(report());
}
if (!whole(table)) {
  console.error("Electronegativity's report was garbled three times in a row: its findings cannot be read.");
  process.exit(1);
}
const findings = table.slice(1).map(([issue, severity, confidence, file = '', location]) => ({ issue, severity, confidence, file: file.replace(/\\/g, '/'), location }));
const allowed = JSON.parse(readFileSync(join(root, 'electron', 'electronegativity-allow.json'), 'utf8'));
const isAllowed = (f) => allowed.some((a) => a.issue === f.issue && (a.file === '*' || f.file.endsWith(a.file)));
const open = findings.filter((f) => !isAllowed(f));
for (const f of findings) console.log(`${isAllowed(f) ? 'allowed ' : 'FINDING '} ${f.issue} (${f.severity}, ${f.confidence}) ${f.file}:${f.location}`);
const unused = allowed.filter((a) => !findings.some((f) => a.issue === f.issue && (a.file === '*' || f.file.endsWith(a.file))));
for (const a of unused) console.log(`allow-list entry no longer needed: ${a.issue} ${a.file}`);
console.log(`Electronegativity ${electronVersion}: ${findings.length} findings, ${findings.length - open.length} justified in electron/electronegativity-allow.json, ${open.length} open.`);
process.exit(open.length || unused.length ? 1 : 0);
