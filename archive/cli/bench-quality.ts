import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReleaseFile } from '../ingest/read.js';
import { sampleFolder } from '../paths.js';
import { ArchiveService } from '../service.js';

/**
 * `liaison bench quality`: how well releases are understood, against the samples' truth files and
 * the hand-checked lists in tests/fixtures/truth: dates exact, EN/FR pairs (precision and recall),
 * "about" precision on 100 hand-checked country tags, speakers exact.
 */
async function readTsv(path: string): Promise<Record<string, string>[]> {
  const lines = (await readFile(path, 'utf8')).replace(/\r/g, '').split('\n').filter(Boolean);
  const header = lines[0]!.split('\t');
  const unquote = (c: string): string => (c.length >= 2 && c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c);
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((c, i) => [header[i]!, unquote(c)])));
}

const pct = (n: number, of: number): string => `${n}/${of} = ${of ? ((100 * n) / of).toFixed(1) : '—'} %`;

export interface QualityFigures {
  dates: Record<string, { exact: number; of: number }>;
  pairs: Record<string, { truePairs: number; found: number; correct: number }>;
  about: { judged: number; stillAbout: number; right: number; judgedYes: number; keptYes: number };
  speakers: { of: number; exact: number; missing: number };
}

export async function measureQuality(root = sampleFolder(), print = true): Promise<QualityFigures> {
  const out: QualityFigures = { dates: {}, pairs: {}, about: { judged: 0, stillAbout: 0, right: 0, judgedYes: 0, keptYes: 0 }, speakers: { of: 0, exact: 0, missing: 0 } };
  const data = await mkdtemp(join(tmpdir(), 'liaison-quality-'));
  try {
    const samples = ['ch-sample', 'wh-sample', 'mixed-sample'];
    const open = async (name: string, folders: string[]) => {
      const service = await ArchiveService.open({ dataDir: join(data, name), folders });
      await service.reindex({});
      const byPath = new Map<string, string>();
      for (let offset = 0; ; offset += 500) {
        const page = await service.search({ query: '', limit: 500, offset });
        for (const h of page.hits) byPath.set(h.path, h.id);
        if (page.hits.length < 500) break;
      }
      const release = async (path: string) => {
        const id = byPath.get(path);
        return id ? service.getRelease({ id }) : null;
      };
      return { service, release };
    };

    for (const s of samples) {
      // Each sample as its own archive: its truth says which of its releases pair up.
      const { service, release } = await open(s, [join(root, s)]);
      const truth = await readTsv(join(root, s, 'truth.tsv'));
      let exact = 0;
      const truePairs = new Set<string>();
      const found = new Set<string>();
      for (const t of truth) {
        const r = await release(join(root, s, t['path']!));
        if (r?.published === t['date']) exact++;
        if (t['pair']) truePairs.add([t['path'], t['pair']].sort().join('|'));
        for (const x of r?.translations ?? []) {
          const other = await service.getRelease({ id: x.id });
          found.add([t['path'], other.path.slice(join(root, s).length + 1)].sort().join('|'));
        }
      }
      out.dates[s] = { exact, of: truth.length };
      if (s !== 'wh-sample') out.pairs[s] = { truePairs: truePairs.size, found: found.size, correct: [...found].filter((p) => truePairs.has(p)).length };
    }

    // The three samples as one archive, as the tags were judged (its home countries: CH and US).
    const { release } = await open('all', samples.map((s) => join(root, s)));
    for (const t of await readTsv(join(root, 'truth', 'about.tsv'))) {
      const r = await release(join(root, t['path']!));
      const about = !!r?.countries.find((c) => c.code === t['code'] && c.about);
      out.about.judged++;
      if (t['about'] === 'yes') out.about.judgedYes++;
      if (about) {
        out.about.stillAbout++;
        if (t['about'] === 'yes') out.about.right++;
      }
      if (about && t['about'] === 'yes') out.about.keptYes++;
    }

    const speakerTruth = await readTsv(join(root, 'truth', 'speakers.tsv'));
    for (const t of speakerTruth) {
      const path = join(root, t['path']!);
      const read = await readReleaseFile(path, { size: 0, mtimeMs: 0 });
      const quote = read.ok ? read.release.quotes.find((q) => q.text.startsWith(t['quote']!.trim())) : undefined;
      out.speakers.of++;
      if (!quote) out.speakers.missing++;
      else if (quote.speaker === t['speaker']) out.speakers.exact++;
    }
  } finally {
    await rm(data, { recursive: true, force: true });
  }
  if (print) {
    console.log('Understanding the samples (tests/fixtures):');
    for (const [s, d] of Object.entries(out.dates)) console.log(`  dates exact, ${s.padEnd(13)} ${pct(d.exact, d.of)}`);
    for (const [s, p] of Object.entries(out.pairs)) console.log(`  EN/FR pairs, ${s.padEnd(13)} precision ${pct(p.correct, p.found)}, recall ${pct(p.correct, p.truePairs)}`);
    const a = out.about;
    console.log(`  "about" on 100 hand-checked tags: precision ${pct(a.right, a.stillAbout)} (tags still "about"), right tags kept ${pct(a.keptYes, a.judgedYes)}`);
    console.log(`  speakers exact on the hand-checked list: ${pct(out.speakers.exact, out.speakers.of)} (${out.speakers.missing} quotes no longer found)`);
  }
  return out;
}
