import { fold } from './fold.js';

/**
 * A short extractive summary: two or three of the release's own sentences, chosen for a busy
 * reader. Press releases put the news first, so the lead sentence weighs most; then sentences
 * that share words with the title and the rest of the text; quotes and very short or very long
 * sentences weigh less. Sentences come out in their original order.
 */
const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(language: string): Intl.Segmenter {
  const locale = language === 'fr' ? 'fr' : 'en';
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** An initial or a usual abbreviation: the full stop after it does not end the sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Adm|Amb|M|Mme|Mlle|No|Art|al|cf|vs|e\.g|i\.e|U\.S|U\.N)\.$/;
/** A transcript's speaker label ("PRIME MINISTER KISHIDA:") and an interpreter's note. */
const SPEAKER_LABEL = /^(?:[A-Z][A-Z .'’-]{2,}:\s*)?(?:\((?:As interpreted|Traduction)[^)]*\)\s*)?/;

function sentencesOf(paragraph: string, segmenter: Intl.Segmenter): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(paragraph)) {
    const text = s.segment.trim();
    if (!text) continue;
    const last = out.length - 1;
    if (last >= 0 && ABBREVIATION.test(out[last]!)) out[last] = `${out[last]} ${text}`;
    else out.push(text);
  }
  return out.map((t) => t.replace(SPEAKER_LABEL, '')).filter((t) => t.length > 0);
}

export function summarise(title: string, paragraphs: string[], language: string, maxChars = 420): string {
  const segmenter = sentenceSegmenter(language);
  const sentences: { text: string; order: number; paragraph: number }[] = [];
  // The news is at the top: long speeches are summarised from their opening pages only.
  let budget = 8000;
  const opening = paragraphs.filter((p) => (budget -= p.length) > -p.length);
  opening.forEach((p, pi) => {
    for (const text of sentencesOf(p, segmenter)) sentences.push({ text, order: sentences.length, paragraph: pi });
  });
  if (sentences.length === 0) return '';

  const words = (s: string): string[] => fold(s).match(/\p{L}{4,}/gu) ?? [];
  const titleWords = new Set(words(title));
  const frequency = new Map<string, number>();
  for (const s of sentences) for (const w of new Set(words(s.text))) frequency.set(w, (frequency.get(w) ?? 0) + 1);

  const scored = sentences.map((s) => {
    const ws = words(s.text);
    const unique = new Set(ws);
    let score = 0;
    for (const w of unique) {
      if (titleWords.has(w)) score += 2;
      score += Math.min(3, (frequency.get(w) ?? 1) - 1) * 0.3;
    }
    score /= Math.sqrt(Math.max(4, unique.size));
    if (s.order === 0) score += 3;
    else if (s.paragraph === 0) score += 1;
    score += Math.max(0, 1 - s.paragraph * 0.15);
    if (/^[«“"]/.test(s.text)) score -= 1.5;
    if (s.text.length < 40) score -= 2;
    if (s.text.length > 320) score -= 1;
    return { ...s, score };
  });

  const chosen: typeof scored = [];
  let length = 0;
  for (const s of [...scored].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= 3) break;
    if (chosen.length >= 2 && length > maxChars * 0.6) break;
    // A third sentence must carry nearly as much as the second, or it is filler.
    if (chosen.length >= 2 && s.score < chosen[1]!.score * 0.75) break;
    if (length + s.text.length > maxChars && chosen.length > 0) continue;
    chosen.push(s);
    length += s.text.length + 1;
  }
  const text = chosen.sort((a, b) => a.order - b.order).map((s) => s.text).join(' ');
  return text.length > maxChars * 1.5 ? `${text.slice(0, maxChars).replace(/\s+\S*$/, '')}…` : text;
}

/**
 * A briefing's summary of a release: three to five of its own sentences, the lead first, then
 * those that best cover the release (its recurring words) and the briefing's query
 * (`queryHits` counts the query's words in a sentence). Deterministic, in the release's order.
 */
export function briefingSummary(title: string, paragraphs: string[], language: string, queryHits: (sentence: string) => number = () => 0, maxChars = 1100): string {
  const segmenter = sentenceSegmenter(language);
  const sentences: { text: string; order: number; paragraph: number }[] = [];
  let budget = 12000;
  paragraphs
    .filter((p) => (budget -= p.length) > -p.length)
    .forEach((p, pi) => {
      for (const text of sentencesOf(p, segmenter)) if (text.length >= 30) sentences.push({ text, order: sentences.length, paragraph: pi });
    });
  if (sentences.length === 0) return '';
  const words = (s: string): string[] => fold(s).match(/\p{L}{4,}/gu) ?? [];
  const titleWords = new Set(words(title));
  const frequency = new Map<string, number>();
  for (const s of sentences) for (const w of new Set(words(s.text))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const covered = new Set<string>();
  const chosen = [sentences[0]!];
  for (const w of words(sentences[0]!.text)) covered.add(w);
  let length = sentences[0]!.text.length;
  // Each next sentence is the one adding most that is not covered yet: the release's recurring
  // words, the title's, the query's; quotes and the very long weigh less.
  while (chosen.length < 5) {
    let best: (typeof sentences)[number] | null = null;
    let bestScore = 0;
    for (const s of sentences) {
      if (chosen.includes(s) || length + s.text.length > maxChars) continue;
      let score = 0;
      for (const w of new Set(words(s.text))) if (!covered.has(w)) score += Math.min(3, (frequency.get(w) ?? 1) - 1) * 0.4 + (titleWords.has(w) ? 1 : 0);
      score = score / Math.sqrt(Math.max(6, words(s.text).length)) + queryHits(s.text) * 1.5 - s.paragraph * 0.05;
      if (/^[«“"]/.test(s.text)) score -= 0.8;
      if (score > bestScore) [best, bestScore] = [s, score];
    }
    if (!best || (chosen.length >= 3 && bestScore < 0.35)) break;
    chosen.push(best);
    length += best.text.length + 1;
    for (const w of words(best.text)) covered.add(w);
  }
  return chosen.sort((a, b) => a.order - b.order).map((s) => s.text).join(' ');
}
