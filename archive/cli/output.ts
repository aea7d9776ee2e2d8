import type { IndexProgress } from '../api/types.js';

/** A bar with files, files/s and ETA on a terminal; a plain line every two seconds otherwise. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (p: IndexProgress) => void {
  const tty = stream.isTTY;
  let lastLine = 0;
  return (p) => {
    if (p.phase === 'reading' && p.filesTotal > 0) {
      const pct = p.filesDone / p.filesTotal;
      if (tty) {
        const width = 28;
        const bar = '█'.repeat(Math.round(pct * width)).padEnd(width, '░');
        const eta = p.etaSeconds !== null ? ` ETA ${p.etaSeconds}s` : '';
        stream.write(`\r${bar} ${p.filesDone}/${p.filesTotal} files · ${p.filesPerSecond} files/s${eta} · ${p.errors} errors   `);
      } else if (Date.now() - lastLine > 2000 || p.filesDone === p.filesTotal) {
        lastLine = Date.now();
        stream.write(`reading ${p.filesDone}/${p.filesTotal} files (${p.filesPerSecond} files/s, ${p.errors} errors)\n`);
      }
    } else if (p.phase === 'scanning' || p.phase === 'indexing' || p.phase === 'saving') {
      stream.write(`${tty ? '\r\x1b[K' : ''}${p.phase}…${tty ? '' : '\n'}`);
    } else if (p.phase === 'done' || p.phase === 'cancelled') {
      if (tty) stream.write('\r\x1b[K');
    }
  };
}

/**
 * Text from a release or a file name, safe to print on a terminal: control characters (which
 * could move the cursor, retitle or clear the terminal) are shown as visible escapes.
 */
export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Everything the command line prints on its standard output goes through `safeText`: titles and
 * file names come from untrusted files. JSON stays valid (the escapes are JSON's own).
 */
export function guardStdout(stream: NodeJS.WriteStream = process.stdout): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? safeText(chunk) : chunk, ...rest)) as typeof stream.write;
}
