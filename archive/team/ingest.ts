import type { Pool, PoolClient } from 'pg';
import type { IndexSummary, PressRelease } from '../api/types.js';
import { ReaderPool } from '../ingest/pool.js';
import { walkArchive, type ArchiveFile, type SkipListener } from '../ingest/walk.js';
import { planReindex, type KnownFile } from '../indexing/plan.js';
import type { ProgressReporter } from '../indexing/progress.js';
import { applyHome, detectHomeCountries } from '../search/home.js';
import { linkTranslations, type LinkShape } from '../search/translations.js';
import type { RememberedFailure } from '../store/index-format.js';
import { ensurePartition } from './schema.js';
import { termsRow } from './terms.js';

/**
 * The registry's ingest into the team archive: the same walk, plan and readers as the desktop;
 * releases written in transactions of a few hundred files (a killed indexer leaves whole batches,
 * and the next run goes on from there), one indexer at a time (a second one waits on a lock), while
 * people search. After the files: translation links and what each release is about, over the whole
 * archive.
 */
const BATCH = 200;
const INDEXER_LOCK = 7311002;

const yearOf = (r: PressRelease): number => (r.published ? Number(r.published.slice(0, 4)) : 0);

async function inTransaction(db: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Removes a release and takes its terms out of the rarity counts and totals. */
async function forget(c: PoolClient, id: string, year: number): Promise<void> {
  await c.query(
    `WITH gone AS (DELETE FROM releases WHERE id = $1 AND year = $2 RETURNING terms, length),
       totals AS (UPDATE term_totals SET docs = docs - (SELECT count(*) FROM gone), length = length - coalesce((SELECT sum(length) FROM gone), 0))
     UPDATE term_df d SET df = d.df - 1 FROM (SELECT unnest(tsvector_to_array(terms)) AS term FROM gone) g WHERE d.term = g.term`,
    [id, year],
  );
}

/** Adds a batch's releases to the rarity counts and totals. */
async function count(c: PoolClient, df: Map<string, number>, docs: number, length: number): Promise<void> {
  if (docs === 0) return;
  await c.query('INSERT INTO term_df (term, df) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (term) DO UPDATE SET df = term_df.df + EXCLUDED.df', [[...df.keys()], [...df.values()]]);
  await c.query('UPDATE term_totals SET docs = docs + $1, length = length + $2', [docs, length]);
}

export async function teamIndex(db: Pool, folders: string[], reporter: ProgressReporter, signal?: AbortSignal): Promise<IndexSummary> {
  const lock = await db.connect();
  try {
    // A second indexer waits here until the first is done.
    await lock.query('SELECT pg_advisory_lock($1)', [INDEXER_LOCK]);
    return await run(db, folders, reporter, signal);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [INDEXER_LOCK]).catch(() => undefined);
    lock.release();
  }
}

async function run(db: Pool, folders: string[], reporter: ProgressReporter, signal?: AbortSignal): Promise<IndexSummary> {
  const failures: RememberedFailure[] = [];
  const skip: SkipListener = (path, message, code = 'unreadable') => void failures.push({ path, code, message, size: 0, mtimeMs: 0 });
  const files = await walkArchive(folders, skip);
  const known = new Map<string, KnownFile & { hash: string; id: string; year: number }>();
  for (const r of (await db.query<{ path: string; hash: string; size: string; mtime: number; release_id: string; year: number }>('SELECT path, hash, size, mtime, release_id, year FROM files')).rows) known.set(r.path, { size: Number(r.size), mtimeMs: r.mtime, hash: r.hash, id: r.release_id, year: r.year });
  const previous = new Map<string, RememberedFailure>();
  for (const r of (await db.query<{ path: string; code: RememberedFailure['code']; message: string; size: string; mtime: number }>('SELECT path, code, message, size, mtime FROM failures')).rows) previous.set(r.path, { path: r.path, code: r.code, message: r.message, size: Number(r.size), mtimeMs: r.mtime });
  const plan = planReindex(files, known, previous, []);
  failures.push(...plan.keptFailures);
  reporter.phase('reading', { filesTotal: plan.toRead.length, errors: failures.length });

  await inTransaction(db, async (c) => {
    for (const path of plan.removed) {
      const old = known.get(path)!;
      await forget(c, old.id, old.year);
      await c.query('DELETE FROM files WHERE path = $1', [path]);
    }
  });

  const pool = ReaderPool.shared();
  const stop = (): void => void pool.cancel();
  signal?.addEventListener('abort', stop, { once: true });
  let added = 0;
  let updated = 0;
  let unchanged = plan.unchanged;
  let cancelled = false;
  const rootOf = (path: string): string | undefined => folders.find((f) => path.startsWith(`${f}/`) || path.startsWith(`${f}\\`));
  // The readers read the next batch while this one is written.
  const readBatch = (i: number): { batch: ArchiveFile[]; reading: Promise<Awaited<ReturnType<typeof pool.read>>[]> } => {
    const batch = plan.toRead.slice(i, i + BATCH);
    return { batch, reading: Promise.all(batch.map((f: ArchiveFile, k) => pool.read({ seq: i + k, path: f.path, size: f.size, mtimeMs: f.mtimeMs, root: rootOf(f.path) }))) };
  };
  let next = plan.toRead.length ? readBatch(0) : null;
  try {
    for (let i = 0; next && !cancelled; i += BATCH) {
      const { batch, reading } = next;
      const results = await reading;
      next = i + BATCH < plan.toRead.length && !signal?.aborted ? readBatch(i + BATCH) : null;
      if (signal?.aborted) {
        cancelled = true;
        break;
      }
      await inTransaction(db, async (c) => {
        const df = new Map<string, number>();
        let docs = 0;
        let length = 0;
        for (let k = 0; k < batch.length; k++) {
          const file = batch[k]!;
          const result = results[k]!;
          const old = known.get(file.path);
          if (!result.ok) {
            if (result.code === 'cancelled') continue;
            failures.push({ path: file.path, code: result.code, message: result.message, size: file.size, mtimeMs: file.mtimeMs });
            await c.query('INSERT INTO failures (path, code, message, size, mtime) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (path) DO UPDATE SET code = $2, message = $3, size = $4, mtime = $5', [file.path, result.code, result.message, file.size, file.mtimeMs]);
            if (old) {
              await forget(c, old.id, old.year);
              await c.query('DELETE FROM files WHERE path = $1', [file.path]);
            }
            continue;
          }
          const r = result.release;
          if (old && old.hash === r.hash) {
            await c.query('UPDATE files SET size = $2, mtime = $3 WHERE path = $1', [file.path, file.size, file.mtimeMs]);
            unchanged++;
            continue;
          }
          if (old) {
            await forget(c, old.id, old.year);
            updated++;
          } else added++;
          const year = yearOf(r);
          await ensurePartition(c, year);
          const { text, paragraphs: _p, ...stored } = r;
          const link = { named: result.link.named, textLength: result.link.textLength, paragraphs: result.link.paragraphs, features: Buffer.from(result.link.features.buffer, result.link.features.byteOffset, result.link.features.byteLength).toString('base64') };
          const row = termsRow(result.terms);
          const inserted = await c.query(
            `INSERT INTO releases (id, year, path, hash, title, published, language, about, mentioned, release, body, terms, link, length, title_terms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::tsvector, $13, $14, $15) ON CONFLICT DO NOTHING`,
            [r.id, year, r.path, r.hash, r.title, r.published, r.language, r.countries.filter((x) => x.about).map((x) => x.code), r.countries.map((x) => x.code), JSON.stringify(stored), text, row.vector, JSON.stringify(link), row.length, row.titleTerms],
          );
          if (inserted.rowCount) {
            for (const t of row.lexemes) df.set(t, (df.get(t) ?? 0) + 1);
            docs++;
            length += row.length;
          }
          await c.query('INSERT INTO files (path, hash, size, mtime, release_id, year) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (path) DO UPDATE SET hash = $2, size = $3, mtime = $4, release_id = $5, year = $6', [file.path, r.hash, file.size, file.mtimeMs, r.id, year]);
          await c.query('DELETE FROM failures WHERE path = $1', [file.path]);
        }
        await count(c, df, docs, length);
      });
      reporter.progress.filesDone += batch.length;
      reporter.report();
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    // A batch still being read when writing failed is let go.
    void next?.reading.catch(() => undefined);
  }
  if (!cancelled) {
    // Failures of files gone from the disk are forgotten.
    await db.query('DELETE FROM failures WHERE NOT (path = ANY($1::text[]))', [failures.map((f) => f.path)]);
    reporter.phase('indexing', { currentFile: null });
    await relink(db);
  }
  const documents = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM releases')).rows[0]!.n;
  const summary: IndexSummary = { added, updated, removed: plan.removed.length, unchanged, failed: failures.map(({ path, code, message }) => ({ path, code, message })), documents, seconds: reporter.seconds, cancelled };
  await db.query("INSERT INTO liaison_meta (key, value) VALUES ('lastIndexed', $1) ON CONFLICT (key) DO UPDATE SET value = $1", [JSON.stringify(summary)]);
  reporter.phase(cancelled ? 'cancelled' : 'done', { filesDone: reporter.progress.filesTotal });
  return summary;
}

/** Translation links and what each release is about (which depends on the archive's home countries), over the whole archive. */
export async function relink(db: Pool): Promise<void> {
  const rows = (await db.query<{ id: string; year: number; release: PressRelease; link: { named: string[]; textLength: number; paragraphs: number; features: string } }>("SELECT id, year, release - 'quotes' - 'summary' AS release, link FROM releases")).rows;
  const shapes: LinkShape[] = rows.map((r) => {
    const bytes = Buffer.from(r.link.features, 'base64');
    const features = new Uint32Array(bytes.length >> 2);
    for (let i = 0; i < features.length; i++) features[i] = bytes.readUInt32LE(i * 4);
    return { id: r.id, published: r.release.published, language: r.release.language, origin: r.release.origin, named: r.link.named, textLength: r.link.textLength, paragraphs: r.link.paragraphs, features };
  });
  const links = linkTranslations(shapes);
  const setting = (await db.query<{ value: string[] | null }>("SELECT value FROM liaison_meta WHERE key = 'homeCountries'")).rows[0]?.value ?? null;
  const home = new Set(setting ?? detectHomeCountries(rows.map((r) => r.release.origin)));
  await inTransaction(db, async (c) => {
    for (const r of rows) {
      const translations = links.get(r.id) ?? [];
      const countries = r.release.countries.map((x) => ({ ...x }));
      applyHome(countries, r.release.origin, home);
      const about = countries.filter((x) => x.about).map((x) => x.code);
      const before = r.release.countries.filter((x) => x.about).map((x) => x.code);
      if (JSON.stringify(translations) === JSON.stringify(r.release.translations) && JSON.stringify(about) === JSON.stringify(before)) continue;
      const flags = Object.fromEntries(countries.map((x) => [x.code, { about: x.about, home: x.home }]));
      await c.query(
        `UPDATE releases SET about = $3, release = jsonb_set(jsonb_set(release, '{translations}', $4::jsonb), '{countries}',
           (SELECT coalesce(jsonb_agg(x || coalesce($5::jsonb -> (x->>'code'), '{}'::jsonb)), '[]'::jsonb) FROM jsonb_array_elements(release->'countries') x))
         WHERE id = $1 AND year = $2`,
        [r.id, r.year, about, JSON.stringify(translations), JSON.stringify(flags)],
      );
    }
  });
  await db.query("INSERT INTO liaison_meta (key, value) VALUES ('home', $1) ON CONFLICT (key) DO UPDATE SET value = $1", [JSON.stringify([...home])]);
}
