import type { ArchiveApi } from '../api/contract.js';
import { isArchiveMethod } from '../api/contract.js';
import { ApiError, type ApiResult } from '../api/errors.js';

/**
 * The one dispatcher behind IPC and HTTP: checks the method name against the contract and the
 * request's shape, calls the service, and turns every outcome into `{ ok, value | error }` with a
 * stable code. Unexpected errors become `internal` and are logged, never thrown across.
 */
export async function dispatch(api: ArchiveApi, method: unknown, request: unknown, log: (err: unknown) => void = console.error): Promise<ApiResult<unknown>> {
  if (!isArchiveMethod(method)) return { ok: false, error: { code: 'unknown-method', message: `There is no method "${String(method).slice(0, 60)}".` } };
  if (request !== undefined && (request === null || typeof request !== 'object' || Array.isArray(request))) {
    return { ok: false, error: { code: 'bad-request', message: 'Each call takes one JSON object.' } };
  }
  try {
    const call = api[method] as (req: unknown) => Promise<unknown>;
    const value = await call.call(api, request ?? {});
    return { ok: true, value };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toJSON() };
    log(err);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Liaison; the details were written to its log.' } };
  }
}
