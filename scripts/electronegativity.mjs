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
const out = join(mkdtempSync(join(tmpdir(), 'liaison-eneg-')), 'findings.csv');
const bin = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const run = spawnSync(process.execPath, [bin, '-i', join(root, 'electron'), '-o', out, '-r', '-v', 'false', '-e', electronVersion], { cwd: root, encoding: 'utf8', timeout: 300_000 });
let csv;
try {
  csv = readFileSync(out, 'utf8');
} catch {
  console.error(`Electronegativity did not run: ${run.error?.message ?? run.stderr}`);
  process.exit(1);
} finally {
  rmSync(dirname(out), { recursive: true, force: true });
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
const findings = rows(csv).slice(1).map(([issue, severity, confidence, file = '', location]) => ({ issue, severity, confidence, file: file.replace(/\\/g, '/'), location }));
const allowed = JSON.parse(readFileSync(join(root, 'electron', 'electronegativity-allow.json'), 'utf8'));
const isAllowed = (f) => allowed.some((a) => a.issue === f.issue && (a.file === '*' || f.file.endsWith(a.file)));
const open = findings.filter((f) => !isAllowed(f));
for (const f of findings) console.log(`${isAllowed(f) ? 'allowed ' : 'FINDING '} ${f.issue} (${f.severity}, ${f.confidence}) ${f.file}:${f.location}`);
const unused = allowed.filter((a) => !findings.some((f) => a.issue === f.issue && (a.file === '*' || f.file.endsWith(a.file))));
for (const a of unused) console.log(`allow-list entry no longer needed: ${a.issue} ${a.file}`);
console.log(`Electronegativity ${electronVersion}: ${findings.length} findings, ${findings.length - open.length} justified in electron/electronegativity-allow.json, ${open.length} open.`);
process.exit(open.length || unused.length ? 1 : 0);
