import { eld } from 'eld/medium';

/**
 * The language the text is written in (not where it was filed), by ELD (Efficient Language
 * Detector: n-gram tables, ISO 639-1 output, pure JS). It was chosen over tinyld, which took
 * four name-heavy English releases of the White House sample for Berber, Italian, German or
 * Spanish; ELD got all 532 sample releases right. The declared language (html lang, front
 * matter) decides only when the text is too short to tell.
 */
export function detectLanguage(text: string, declared: string | null): string {
  const sample = text.slice(0, 5000);
  if (sample.replace(/\s+/g, '').length < 40) return declared ?? 'und';
  const result = eld.detect(sample);
  if (!result.language) return declared ?? 'und';
  if (declared && result.language !== declared && !result.isReliable()) return declared;
  return result.language;
}
