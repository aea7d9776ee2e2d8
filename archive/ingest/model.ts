import type { SourceFormat, TextEncoding } from '../api/types.js';

/** What a format parser reads from a file, before enrichment. */
export interface ParsedDocument {
  format: SourceFormat;
  encoding: TextEncoding;
  title: string;
  paragraphs: string[];
  published: string | null;
  updated: string | null;
  place: string | null;
  /** Language the file declares (html lang, front matter), used when the text is too short to tell. */
  declaredLanguage: string | null;
  sourceUrl: string | null;
}

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
