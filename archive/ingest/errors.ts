import type { FileErrorCode } from '../api/types.js';

/** A file that cannot be read as a press release: reported with its reason, then skipped. */
export class IngestError extends Error {
  readonly code: FileErrorCode;
  constructor(code: FileErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'IngestError';
  }
}
