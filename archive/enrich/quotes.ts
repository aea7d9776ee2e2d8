import type { Quote } from '../api/types.js';

/**
 * People quoted, with their roles: « … », a déclaré Christian Liflander, chef de … ;
 * “…,” said Jane Doe, Minister of …; Jane Doe said: "…". A quote attributed to a pronoun
 * ("he said") goes to the person quoted just before.
 */

const SPEECH_EN = '(?:said|says|added|stated|noted|explained|remarked|commented|emphasi[sz]ed|underlined|stressed|declared)';
const SPEECH_FR = "(?:a|ont|avait)\\s+(?:déclaré|dit|affirmé|souligné|indiqué|ajouté|expliqué|précisé|rappelé|estimé|relevé|fait savoir|insisté|conclu|commenté)|(?:déclare|affirme|souligne|indique|ajoute|explique|précise|rappelle|estime|relève)";
const HONORIFIC = "(?:M\\.|Mme|Mlle|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Prof\\.?)";
const NAME_WORD = "[\\p{Lu}][\\p{Ll}\\p{Lu}'’\\-]+\\.?";
const PARTICLE = "(?:de|du|des|da|di|van|von|der|den|le|la|bin|ibn|al|el|ter)";
const NAME = `(?:${HONORIFIC}\\s+)?(?:${NAME_WORD}|[\\p{Lu}]\\.)(?:\\s+(?:${PARTICLE}\\s+)?(?:${NAME_WORD}|[\\p{Lu}]\\.)){0,4}`;
const PRONOUN = '(?:he|she|il|elle)';

const ROLE_TITLES = /^(?:(?:Vice |Deputy |Under |Assistant |Prime |Foreign |Defence |Defense |Federal |Secretary[- ]General|Secretary|President|Minister|Ambassador|Director|General|Admiral|Colonel|Commander|Chancellor|Senator|Governor|Representative|Spokesperson|Spokesman|Councillor|Président|Ministre|Ambassadeur|Ambassadrice|Directeur|Directrice|Général|Secrétaire|Conseiller|Conseillère|fédéral|fédérale|d'État|of State|Chief|Chef|Head)\s*)+/;

const afterEn = new RegExp(`^\\s*,?\\s*${SPEECH_EN}\\s+(${NAME})(?:\\s*,\\s*([^.;!?]{3,160}))?`, 'u');
const afterEnNameFirst = new RegExp(`^\\s*,?\\s*(${NAME})(?:\\s*,\\s*([^,.;!?]{3,160}),)?\\s+${SPEECH_EN}\\b`, 'u');
const afterFr = new RegExp(`^\\s*,?\\s*(?:${SPEECH_FR})\\s+(${NAME})(?:\\s*,\\s*([^.;!?«»]{3,160}))?`, 'u');
const afterSelon = new RegExp(`^\\s*,?\\s*(?:selon|according to)\\s+(${NAME})(?:\\s*,\\s*([^.;!?«»]{3,160}))?`, 'u');
const afterPronoun = new RegExp(`^\\s*,?\\s*(?:${SPEECH_EN}\\s+${PRONOUN}|${PRONOUN}\\s+${SPEECH_EN}|${PRONOUN}[- ](?:a\\s+)?(?:déclaré|dit|ajouté|souligné|précisé|expliqué))\\b`, 'iu');
const beforeSelon = new RegExp(`(?:[Ss]elon|[Aa]ccording to)\\s+(${NAME})(?:\\s*,\\s*([^,.;!?«»“”"]{3,160}),)?\\s*$`, 'u');
const beforeSpeaker = new RegExp(`(${NAME})(?:\\s*,\\s*([^,.;!?«»“”"]{3,160}),)?\\s+(?:${SPEECH_EN}|${SPEECH_FR})(?:\\s+(?:that|que|qu'))?\\s*:?\\s*$`, 'u');

interface Span {
  text: string;
  start: number;
  end: number;
}

function quoteSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  const pairs: [string, string][] = [['«', '»'], ['“', '”'], ['"', '"'], ['„', '“']];
  for (const [open, close] of pairs) {
    let from = 0;
    while (from < paragraph.length) {
      const s = paragraph.indexOf(open, from);
      if (s < 0) break;
      const e = paragraph.indexOf(close, s + 1);
      if (e < 0) break;
      const inner = paragraph.slice(s + 1, e).trim();
      if (inner.length >= 25 && !spans.some((x) => s >= x.start && s < x.end)) spans.push({ text: inner, start: s, end: e + 1 });
      from = e + 1;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function splitRole(name: string, role: string | null): { speaker: string; role: string | null } {
  let speaker = name.replace(/\s+/g, ' ').trim();
  let r = role?.replace(/\s+/g, ' ').trim() || null;
  const title = ROLE_TITLES.exec(speaker);
  if (title && title[0].length < speaker.length) {
    const rest = speaker.slice(title[0].length).trim();
    if (/^[\p{Lu}]/u.test(rest)) {
      speaker = rest;
      r = r ?? title[0].trim();
    }
  }
  speaker = speaker.replace(/^(?:M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?)\s+/, '');
  // A full stop after a whole word ends the sentence; after an initial it belongs to the name.
  speaker = speaker.replace(/(\p{L}{2,})\.$/u, '$1');
  if (r) r = r.replace(/\s+(?:a|said|who|qui)\b.*$/, '').replace(/[\s,:]+$/, '');
  return { speaker, role: r || null };
}

const NOT_A_NAME = /^(?:The|Le|La|Les|This|Cette|Ce|It|Il|Elle|We|Nous|They|Ils|He|She|In|En|But|Mais|And|Et)$/;

export function findQuotes(paragraphs: string[]): Quote[] {
  const quotes: Quote[] = [];
  let last: { speaker: string; role: string | null } | null = null;
  for (const paragraph of paragraphs) {
    for (const span of quoteSpans(paragraph)) {
      const after = paragraph.slice(span.end, span.end + 260);
      const before = paragraph.slice(Math.max(0, span.start - 220), span.start);
      let who: { speaker: string; role: string | null } | null = null;
      const m = afterFr.exec(after) ?? afterEn.exec(after) ?? afterSelon.exec(after) ?? afterEnNameFirst.exec(after);
      if (m && !NOT_A_NAME.test(m[1]!.split(/\s/)[0]!)) who = splitRole(m[1]!, m[2] ?? null);
      else if (afterPronoun.test(after) && last) who = last;
      else {
        const b = beforeSpeaker.exec(before) ?? beforeSelon.exec(before);
        if (b && !NOT_A_NAME.test(b[1]!.split(/\s/)[0]!)) who = splitRole(b[1]!, b[2] ?? null);
      }
      if (!who) continue;
      last = who;
      quotes.push({ speaker: who.speaker, role: who.role, text: span.text.replace(/[\s,]+$/, '') });
    }
  }
  return quotes;
}
