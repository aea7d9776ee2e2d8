import type { ArchiveApi, ArchiveMethod } from './contract.js';
import { ARCHIVE_METHODS } from './contract.js';
import { ApiError, isApiErrorCode, type ApiResult } from './errors.js';

/** Sends one call over some transport and returns the wire result. */
export type CallTransport = (method: ArchiveMethod, request: unknown) => Promise<ApiResult<unknown>>;

/** Builds a typed ArchiveApi on top of a transport; errors come back as ApiError. */
export function createArchiveClient(call: CallTransport): ArchiveApi {
  const client: Partial<Record<ArchiveMethod, (req: unknown) => Promise<unknown>>> = {};
  for (const method of ARCHIVE_METHODS) {
    client[method] = async (req: unknown) => {
      const result = await call(method, req ?? {});
      if (result.ok) return result.value;
      const code = isApiErrorCode(result.error.code) ? result.error.code : 'internal';
      throw new ApiError(code, result.error.message);
    };
  }
  return client as unknown as ArchiveApi;
}
