import type { ArchiveEvent, ArchiveMethod, ArchiveRequest, ArchiveResponse } from './contract.js';
import type { ApiResult } from './errors.js';

/**
 * What the desktop preload puts on `window`: `liaison` has exactly the contract's methods (the
 * preload checks itself against this type with `satisfies`), `liaisonShell` the few native
 * things a browser cannot do.
 */
export type ArchiveBridge = { [M in ArchiveMethod]: (req: ArchiveRequest<M>) => Promise<ApiResult<ArchiveResponse<M>>> };

export interface ShellBridge {
  platform: string;
  pickFolder(): Promise<string | null>;
  /** Shows a release's file in the system's file manager (by id: the shell looks the path up in the engine). */
  revealRelease(id: string): Promise<void>;
  /** Opens a release's original file with the system's application for it. */
  openRelease(id: string): Promise<void>;
  print(): Promise<void>;
  /** Saves the page as it prints (a briefing) to a PDF the desk officer names, on A4 or Letter paper; resolves to the file, or null if cancelled. */
  savePdf(paper: 'a4' | 'letter', suggestedName: string): Promise<string | null>;
  onEvent(listener: (event: ArchiveEvent) => void): () => void;
}
