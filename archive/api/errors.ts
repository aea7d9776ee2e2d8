/** Stable error codes the UI can switch on. */
export const API_ERROR_CODES = [
  'bad-request',
  'bad-query',
  'not-found',
  'not-a-folder',
  'busy',
  'unknown-method',
  'forbidden',
  /** Something this installation lacks (a Chromium to make PDFs): the message says what to install. */
  'unavailable',
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'ApiError';
  }
  toJSON(): ApiErrorBody {
    return { code: this.code, message: this.message };
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}
