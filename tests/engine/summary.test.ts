import { describe, expect, it } from 'vitest';
import { summarise } from '../../archive/enrich/summary.js';

describe('summaries', () => {
  it('keeps initials and abbreviations inside their sentence', () => {
    const summary = summarise('Call with Japan', ['President Joseph R. Biden, Jr. called Prime Minister Ishiba today to congratulate him on his election. They discussed the alliance with Mr. Ishiba and the U.S. Embassy in Tokyo.'], 'en');
    expect(summary.startsWith('President Joseph R. Biden, Jr. called Prime Minister Ishiba today')).toBe(true);
  });

  it('drops a transcript speaker label and an interpreter note', () => {
    const summary = summarise('Joint press conference', ['PRIME MINISTER KISHIDA: (As interpreted.) We are immensely pleased with the visit of the President to Japan this week.'], 'en');
    expect(summary).toBe('We are immensely pleased with the visit of the President to Japan this week.');
  });

  it('chooses the lead and the sentences closest to the title, in their order, within the length', () => {
    const paragraphs = [
      'La Suisse et le Japon ont signé aujourd’hui à Tokyo un accord de libre-échange et de partenariat économique.',
      'La cérémonie a eu lieu en présence de nombreux invités.',
      'L’accord de libre-échange avec le Japon entrera en vigueur l’année prochaine, après sa ratification.',
      'Le temps était beau.',
    ];
    const summary = summarise('Accord de libre-échange avec le Japon', paragraphs, 'fr');
    expect(summary).toBe(`${paragraphs[0]} ${paragraphs[2]}`);
  });
});
