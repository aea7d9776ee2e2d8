import { randomBytes } from 'node:crypto';
import { open, rename } from 'node:fs/promises';

/**
 * Every file the engine writes goes through here: written to a temporary name beside it, flushed
 * to the disk, then renamed over the old one, so that a crash leaves the old file or the new one.
 */
export async function writeDurable(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
}

/** Flushes a folder's entries (the renames in it) to the disk. */
export async function syncDir(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open a folder for fsync; the rename is still atomic there.
  }
}
