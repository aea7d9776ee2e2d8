import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ArchiveFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every file under the folders, recursively, in a stable order. Hidden files and folders are
 * skipped; symbolic links are not followed (an archive must not lead the indexer elsewhere).
 */
export async function walkArchive(roots: string[], onError?: (path: string, message: string) => void): Promise<ArchiveFile[]> {
  const files: ArchiveFile[] = [];
  const visit = async (path: string): Promise<void> => {
    let st;
    try {
      st = await lstat(path);
    } catch (err) {
      onError?.(path, (err as Error).message);
      return;
    }
    if (st.isSymbolicLink()) return;
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(path);
      } catch (err) {
        onError?.(path, (err as Error).message);
        return;
      }
      names.sort();
      for (const name of names) if (!name.startsWith('.')) await visit(join(path, name));
    } else if (st.isFile()) {
      files.push({ path, size: st.size, mtimeMs: st.mtimeMs });
    }
  };
  for (const root of roots) await visit(root);
  return files;
}
