import type { Pool, PoolClient } from 'pg';

/**
 * Work over the full-text index: the planner is told not to scan whole tables, which it would for
 * a common word, reading every release's vector where the index alone answers.
 */
export async function overIndex<T>(db: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await db.connect();
  try {
    await c.query('BEGIN READ ONLY');
    await c.query('SET LOCAL enable_seqscan = off');
    const result = await work(c);
    await c.query('COMMIT');
    return result;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
