import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Personal tokens for a team archive: made once and shown once, kept only as their SHA-256 (a
 * token is 32 random bytes, so a plain hash is enough: there is nothing to guess), each with a
 * role: `reader` (search and read) or `registrar` (also index and manage folders).
 */
export type Role = 'reader' | 'registrar';

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function addToken(db: Pool, name: string, role: Role): Promise<string> {
  if (!/^[\w.@-]{1,64}$/.test(name)) throw new Error('A token name is 1 to 64 letters, digits, dots, dashes, @ or underscores.');
  if (role !== 'reader' && role !== 'registrar') throw new Error('The role is reader or registrar.');
  const token = `lia_${randomBytes(32).toString('base64url')}`;
  const inserted = await db.query('INSERT INTO tokens (name, role, hash) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [name, role, hashOf(token)]);
  if (inserted.rowCount === 0) throw new Error(`There is already a token named ${name}: revoke it first.`);
  return token;
}

export async function listTokens(db: Pool): Promise<{ name: string; role: Role; created: string }[]> {
  return (await db.query<{ name: string; role: Role; created: Date }>('SELECT name, role, created FROM tokens ORDER BY name')).rows.map((r) => ({ name: r.name, role: r.role, created: r.created.toISOString() }));
}

export async function revokeToken(db: Pool, name: string): Promise<boolean> {
  return ((await db.query('DELETE FROM tokens WHERE name = $1', [name])).rowCount ?? 0) > 0;
}

/** The role of a presented token, or null: every request is checked against the table. */
export async function roleOf(db: Pool, token: string | null | undefined): Promise<Role | null> {
  if (!token || token.length > 200) return null;
  return (await db.query<{ role: Role }>('SELECT role FROM tokens WHERE hash = $1', [hashOf(token)])).rows[0]?.role ?? null;
}
