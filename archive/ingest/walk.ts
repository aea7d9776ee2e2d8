import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileErrorCode } from '../api/types.js';

export interface ArchiveFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** An entry of the archive left out, and why (it is listed with the run's failures). */
export type SkipListener = (path: string, message: string, code?: FileErrorCode) => void;

const validName = new TextDecoder('utf-8', { fatal: true });

/**
 * Every file under the folders, recursively, in a stable order. Symbolic links are not followed
 * (an archive must not lead the indexer elsewhere), pipes, sockets and devices are not files, and
 * hidden entries are left out unless `hidden` is set: each of these is told to `onSkip` with the
 * reason, so that nothing is left out silently.
 */
export async function walkArchive(roots: string[], onSkip?: SkipListener, options: { hidden?: boolean } = {}): Promise<ArchiveFile[]> {
  const files: ArchiveFile[] = [];
  const visit = async (path: string, isRoot: boolean): Promise<void> => {
    let st;
    try {
      st = await lstat(path);
    } catch (err) {
      onSkip?.(path, (err as Error).message, 'unreadable');
      return;
    }
    if (st.isSymbolicLink()) {
      onSkip?.(path, isRoot ? 'This archive folder is a symbolic link; links are not followed: add the folder it points to instead.' : 'A symbolic link: links are not followed (an archive must not lead Liaison elsewhere).', 'not-a-file');
    } else if (st.isDirectory()) {
      let names: Buffer[];
      try {
        names = await readdir(path, { encoding: 'buffer' });
      } catch (err) {
        onSkip?.(path, (err as Error).message, 'unreadable');
        return;
      }
      const entries: string[] = [];
      for (const raw of names) {
        let name: string;
        try {
          name = validName.decode(raw);
        } catch {
          onSkip?.(join(path, raw.toString('latin1')), 'The name of this entry is not valid text (UTF-8); rename it to index it.', 'skipped');
          continue;
        }
        if (name.startsWith('.') && !options.hidden) {
          onSkip?.(join(path, name), 'A hidden file or folder; hidden entries are not indexed (a setting).', 'skipped');
          continue;
        }
        entries.push(name);
      }
      entries.sort();
      for (const name of entries) await visit(join(path, name), false);
    } else if (st.isFile()) {
      files.push({ path, size: st.size, mtimeMs: st.mtimeMs });
    } else {
      onSkip?.(path, 'Not a regular file (a pipe, a socket or a device); it is not read.', 'not-a-file');
    }
  };
  for (const root of roots) await visit(root, true);
  return files;
}
