import type { ReactNode } from 'react';

/** Text with <mark> around the given ranges (React escapes the text: nothing from a file is markup). */
export function Highlighted({ text, ranges, offset = 0, markIds }: { text: string; ranges: [number, number][]; offset?: number; markIds?: (i: number) => string }): ReactNode {
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([s0, e0], i) => {
    const s = s0 - offset;
    const e = e0 - offset;
    if (e <= 0 || s >= text.length) return;
    const start = Math.max(0, s);
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={`${s0}-${i}`} id={markIds?.(i)}>
        {text.slice(start, Math.min(text.length, e))}
      </mark>,
    );
    at = Math.min(text.length, e);
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
