import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ArchiveEvent } from '../api/contract.js';
import type { ApiErrorCode } from '../api/errors.js';
import type { ArchiveHost } from '../service.js';
import { dispatch } from './dispatch.js';

/**
 * The HTTP transport for `npm run web` and the end-to-end tests: `POST /api/<method>` with one
 * JSON object, `GET /api/events` as server-sent events, and the built UI as static files. Bound to
 * 127.0.0.1 only. Every API call needs the random token printed in the URL; the Host header must
 * be this address (no DNS rebinding), and cross-origin requests are refused.
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const MAX_BODY = 1024 * 1024;

export interface WebServer {
  server: Server;
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** What a server for many users says of a token and a method: go on, who are you, or not you. */
export type Verdict = 'ok' | 'unauthenticated' | 'forbidden';

export interface WebServerOptions {
  port?: number;
  staticDir: string;
  /** The one token of a desktop's own server (random when not given). */
  token?: string;
  /**
   * A team server checks each request's token itself (personal tokens with roles) instead of the
   * one token; it may then listen on another address than 127.0.0.1 (`bind`), behind a reverse
   * proxy that ends TLS, and any Host is accepted.
   */
  authorize?: (token: string | null, method: string) => Promise<Verdict>;
  bind?: string;
  log?: (err: unknown) => void;
}

export async function startWebServer(archive: ArchiveHost | Promise<ArchiveHost>, options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const staticRoot = resolve(options.staticDir);
  const bind = options.bind ?? '127.0.0.1';
  // A team server bound beyond loopback sits behind a proxy: its Host is the proxy's to check.
  const open = !!options.authorize && bind !== '127.0.0.1' && bind !== 'localhost';
  let port = 0;
  const clients = new Set<ServerResponse>();

  const tokenOk = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes);
  };

  const send = (res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8'): void => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    res.end(body);
  };
  /** Every refusal has the contract's shape, so the client reads it like any other error. */
  const sendError = (res: ServerResponse, status: number, code: ApiErrorCode, message: string): void => send(res, status, JSON.stringify({ ok: false, error: { code, message } }));

  const onEvent = (event: ArchiveEvent): void => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const c of clients) c.write(data);
  };
  // The server answers at once; calls wait for the archive while a large index is loading.
  const ready = Promise.resolve(archive);
  void ready.then((service) => service.events.on('event', onEvent)).catch(() => undefined);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host ?? '';
    if (!open && host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendError(res, 421, 'forbidden', 'Wrong host.');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}` && !(open && origin === `https://${host}`)) return sendError(res, 403, 'forbidden', 'Cross-origin requests are refused.');

    if (url.pathname.startsWith('/api/')) {
      const header = req.headers['x-liaison-token'];
      const presented = typeof header === 'string' ? header : url.searchParams.get('token');
      if (options.authorize) {
        const verdict = await options.authorize(presented, url.pathname.slice(5));
        if (verdict === 'unauthenticated') return sendError(res, 401, 'forbidden', 'This team archive needs your personal token (ask its registrar).');
        if (verdict === 'forbidden') return sendError(res, 403, 'forbidden', 'Your token is a reader\'s: indexing and folders are for the registrar.');
      } else if (!tokenOk(presented)) {
        return sendError(res, 401, 'forbidden', 'This address needs the token printed when Liaison started.');
      }
      const service = await ready;
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' });
        res.write(`data: ${JSON.stringify({ type: 'status', status: await service.status({}) })}\n\n`);
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (req.method !== 'POST') return sendError(res, 405, 'bad-request', 'Use POST.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendError(res, 415, 'bad-request', 'Send JSON.');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY) return sendError(res, 413, 'bad-request', 'The request is too large.');
        chunks.push(chunk as Buffer);
      }
      let body: unknown;
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return sendError(res, 400, 'bad-request', 'The request is not valid JSON.');
      }
      const result = await dispatch(service, url.pathname.slice(5), body, options.log);
      return send(res, 200, JSON.stringify(result));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    if (path === '' || !extname(path)) path = 'index.html';
    const file = join(staticRoot, path);
    if (!file.startsWith(staticRoot + sep)) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      return send(res, 200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      return send(res, 404, 'Not found. Was the UI built? Run `npm run build`.', 'text/plain; charset=utf-8');
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      options.log?.(err);
      if (!res.headersSent) sendError(res, 500, 'internal', 'Internal error.');
      else res.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bind, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://${bind}:${port}/?token=${token}`,
    close: async () => {
      await ready.then((service) => service.events.off('event', onEvent)).catch(() => undefined);
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
