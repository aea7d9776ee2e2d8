import type { PoolClient } from 'pg';

/**
 * The team archive's tables, by versioned migrations. A server or an indexer refuses a database
 * whose schema is newer than it knows (said in one sentence), and brings an older one up to date.
 *
 * Releases are partitioned by year (a partition per year, made when a year first comes, and one
 * for undated releases), so that a million releases stay quick to write and to vacuum. Their terms
 * are a `tsvector` of the same terms the desktop index holds (accents folded, stemmed in the
 * release's language, country names as `cc_xx`), with the title's weighted A: the same query
 * finds the same releases on both. A GIN index over it, and over the countries.
 */
export const SCHEMA_VERSION = 2;

const MIGRATIONS: string[] = [
  `CREATE TABLE liaison_meta (key text PRIMARY KEY, value jsonb NOT NULL);
   CREATE TABLE releases (
     id text NOT NULL,
     year integer NOT NULL,
     path text NOT NULL,
     hash text NOT NULL,
     title text NOT NULL,
     published date,
     language text NOT NULL,
     about text[] NOT NULL,
     mentioned text[] NOT NULL,
     release jsonb NOT NULL,
     body text NOT NULL,
     terms tsvector NOT NULL,
     link jsonb NOT NULL,
     PRIMARY KEY (id, year)
   ) PARTITION BY RANGE (year);
   CREATE TABLE releases_undated PARTITION OF releases DEFAULT;
   CREATE INDEX releases_terms ON releases USING gin (terms);
   CREATE INDEX releases_about ON releases USING gin (about);
   CREATE INDEX releases_mentioned ON releases USING gin (mentioned);
   CREATE INDEX releases_published ON releases (published);
   CREATE INDEX releases_path ON releases (path);
   CREATE TABLE files (path text PRIMARY KEY, hash text NOT NULL, size bigint NOT NULL, mtime double precision NOT NULL, release_id text NOT NULL, year integer NOT NULL);
   CREATE TABLE failures (path text PRIMARY KEY, code text NOT NULL, message text NOT NULL, size bigint NOT NULL, mtime double precision NOT NULL);
   CREATE TABLE folders (path text PRIMARY KEY);
   CREATE TABLE tokens (name text PRIMARY KEY, role text NOT NULL CHECK (role IN ('reader', 'registrar')), hash text NOT NULL UNIQUE, created timestamptz NOT NULL DEFAULT now());`,
  // 2: what ranking as the desktop does needs: each release's length and title terms, each
  // term's number of releases, the archive's totals (filled from the releases already there).
  `ALTER TABLE releases ADD COLUMN length integer NOT NULL DEFAULT 0, ADD COLUMN title_terms text NOT NULL DEFAULT '';
   UPDATE releases r SET
     length = coalesce((SELECT max(p) FROM unnest(r.terms) u, unnest(u.positions) p), 0),
     title_terms = coalesce((SELECT ' ' || string_agg(CASE WHEN x.lexeme ~ '^cc_[a-z]{2}$' THEN '@' || substr(x.lexeme, 4) ELSE x.lexeme END, ' ' ORDER BY x.p) || ' '
       FROM (SELECT u.lexeme, t.p, t.w FROM unnest(r.terms) u, unnest(u.positions, u.weights) AS t(p, w)) x WHERE x.w = 'A'), '');
   CREATE TABLE term_df (term text PRIMARY KEY, df integer NOT NULL);
   CREATE INDEX term_df_prefix ON term_df (term text_pattern_ops);
   INSERT INTO term_df SELECT word, ndoc FROM ts_stat('SELECT terms FROM releases');
   CREATE TABLE term_totals (docs bigint NOT NULL, length bigint NOT NULL);
   INSERT INTO term_totals SELECT count(*), coalesce(sum(length), 0) FROM releases;`,
];

export class SchemaError extends Error {}

/** Brings the database to this version's schema, under a lock; refuses a newer one. */
export async function migrate(client: PoolClient, upTo = SCHEMA_VERSION): Promise<void> {
  await client.query('SELECT pg_advisory_lock(7311001)');
  try {
    await client.query('CREATE TABLE IF NOT EXISTS liaison_schema (version integer NOT NULL)');
    const row = (await client.query<{ version: number }>('SELECT version FROM liaison_schema')).rows[0];
    const version = row?.version ?? 0;
    if (version > SCHEMA_VERSION) throw new SchemaError(`This team archive's database has schema version ${version}; this Liaison knows version ${SCHEMA_VERSION} at most: update Liaison.`);
    for (let v = version; v < upTo; v++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[v]!);
        if (v === 0) await client.query('INSERT INTO liaison_schema (version) VALUES (1)');
        else await client.query('UPDATE liaison_schema SET version = $1', [v + 1]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7311001)');
  }
}

/** Refuses to serve a database without Liaison's schema, or with another version of it. */
export async function checkSchema(client: PoolClient): Promise<void> {
  const exists = (await client.query<{ t: string | null }>("SELECT to_regclass('liaison_schema')::text AS t")).rows[0]?.t;
  if (!exists) throw new SchemaError('This database holds no team archive yet: run `liaison index <folder> --db ...` (as a registrar) to create it.');
  const version = (await client.query<{ version: number }>('SELECT version FROM liaison_schema')).rows[0]?.version ?? 0;
  if (version !== SCHEMA_VERSION) throw new SchemaError(`This team archive's database has schema version ${version}; this Liaison serves version ${SCHEMA_VERSION}: ${version > SCHEMA_VERSION ? 'update Liaison' : 'run `liaison index --db ...` once to migrate it'}.`);
}

/** The partition for a year, made the first time a release of that year comes. */
export async function ensurePartition(client: PoolClient, year: number): Promise<void> {
  if (year <= 0) return;
  await client.query(`CREATE TABLE IF NOT EXISTS releases_y${year} PARTITION OF releases FOR VALUES FROM (${year}) TO (${year + 1})`);
}
