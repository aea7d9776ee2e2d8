import { chmod, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchiveMethod } from '../api/contract.js';
import { ApiError, isApiErrorCode } from '../api/errors.js';
import type { ArchiveStatus, TeamLinkStatus } from '../api/types.js';
import { writeDurable } from '../store/durable.js';

/**
 * A desktop's connection to a team archive: its address and the officer's personal token, kept in
 * the data folder (readable by the officer only), and the calls made to it over HTTP with the
 * same contract. This is the one place the engine reaches beyond the computer, and only to the
 * address the officer gave. The server is not trusted further than a file is: answers are
 * bounded in size and time, and whatever goes wrong becomes one sentence, while the local
 * archive keeps working.
 */
const FILE = 'team.json';
const TIMEOUT_MS = 20_000;
const MAX_ANSWER = 64 * 1024 * 1024;

interface Saved {
  url: string;
  token: string;
}

export class TeamLink {
  private last: TeamLinkStatus | null;
  /** Called when the team archive is found unreachable, or reachable again. */
  onChange: (() => void) | null = null;

  private constructor(
    private readonly dataDir: string | null,
    private saved: Saved | null,
  ) {
    this.last = saved ? { url: saved.url, reachable: false, documents: null, error: null } : null;
  }

  static async open(dataDir: string | null): Promise<TeamLink> {
    if (!dataDir) return new TeamLink(null, null);
    try {
      const saved = JSON.parse(await readFile(join(dataDir, FILE), 'utf8')) as Partial<Saved>;
      if (typeof saved.url === 'string' && typeof saved.token === 'string') return new TeamLink(dataDir, { url: saved.url, token: saved.token });
    } catch {
      // No connection kept (or an unreadable file: the officer connects again).
    }
    return new TeamLink(dataDir, null);
  }

  status(): TeamLinkStatus | null {
    return this.last;
  }

  /** Checks the address and the token by asking the team archive for its status, then keeps them. */
  async connect(url: unknown, token: unknown): Promise<void> {
    const address = teamAddress(url);
    if (typeof token !== 'string' || !/^lia_[\w-]{10,200}$/.test(token.trim())) throw new ApiError('bad-request', 'Paste the personal token the registrar gave you (it starts with lia_).');
    const candidate = { url: address, token: token.trim() };
    const status = (await this.send(candidate, 'status', {})) as ArchiveStatus;
    this.saved = candidate;
    this.last = { url: address, reachable: true, documents: status.documents, error: null };
    if (this.dataDir) {
      const file = join(this.dataDir, FILE);
      await writeDurable(file, JSON.stringify(candidate));
      await chmod(file, 0o600);
    }
  }

  async disconnect(): Promise<void> {
    this.saved = null;
    this.last = null;
    if (this.dataDir) await rm(join(this.dataDir, FILE), { force: true });
  }

  /** One call to the team archive; its own errors come back as they are, a failure to reach it as `unavailable`. */
  async call<T>(method: ArchiveMethod, request: { source?: unknown }): Promise<T> {
    const saved = this.saved;
    if (!saved) throw new ApiError('unavailable', 'No team archive is connected: connect to one in Folders, or search this computer’s archive.');
    // The choice of archive stays here: the team archive gets the request as the officer made it.
    const { source: _source, ...rest } = request;
    const was = this.last?.reachable;
    try {
      const value = (await this.send(saved, method, rest)) as T;
      this.last = { url: saved.url, reachable: true, documents: this.last?.documents ?? null, error: null };
      return value;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unavailable') this.last = { url: saved.url, reachable: false, documents: this.last?.documents ?? null, error: err.message };
      throw err;
    } finally {
      if (this.last?.reachable !== was) this.onChange?.();
    }
  }

  private async send(to: Saved, method: ArchiveMethod, request: object): Promise<unknown> {
    const host = new URL(to.url).host;
    let res: Response;
    try {
      res = await fetch(`${to.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-liaison-token': to.token }, body: JSON.stringify(request), signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    } catch (err) {
      const reason = (err as { name?: string }).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : ((err as { cause?: { code?: string } }).cause?.code ?? 'no connection');
      throw new ApiError('unavailable', `The team archive at ${host} cannot be reached (${reason}); this computer’s archive keeps working.`);
    }
    if (res.status === 401) throw new ApiError('forbidden', `The team archive at ${host} does not know this token: ask its registrar for a new one.`);
    if (res.status === 403) throw new ApiError('forbidden', `The team archive at ${host} refused this call for your token.`);
    const body = await boundedText(res, host);
    let answer: { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
    try {
      answer = JSON.parse(body) as typeof answer;
    } catch {
      throw new ApiError('unavailable', `The address ${host} answered, but not as a Liaison team archive (is it the right address?).`);
    }
    if (answer.ok === true) return answer.value;
    const code = isApiErrorCode(answer.error?.code) ? answer.error.code : 'internal';
    const message = typeof answer.error?.message === 'string' ? answer.error.message.slice(0, 500) : `The team archive at ${host} failed (HTTP ${res.status}).`;
    throw new ApiError(code, message);
  }
}

/** The team archive's address as given: http or https, no name or password in it, without a trailing slash. */
export function teamAddress(url: unknown): string {
  if (typeof url !== 'string' || !url.trim() || url.length > 500) throw new ApiError('bad-request', 'Give the team archive’s address, such as https://liaison.example.org.');
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ApiError('bad-request', `“${url.trim().slice(0, 80)}” is not an address: write it as https://server or http://server:7311.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ApiError('bad-request', 'A team archive’s address starts with https:// (or http:// on a trusted network).');
  if (parsed.username || parsed.password) throw new ApiError('bad-request', 'Leave names and passwords out of the address: the token is given separately.');
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** The answer's text, refused past 64 MB. */
async function boundedText(res: Response, host: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  const tooLarge = (): ApiError => new ApiError('unavailable', `The team archive at ${host} sent an answer larger than 64 MB: refused.`);
  if (declared > MAX_ANSWER) throw tooLarge();
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_ANSWER) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
