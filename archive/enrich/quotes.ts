import { escapeRegExp } from './fold.js';
import type { Quote } from '../api/types.js';

/**
 * People quoted, with their roles: « … », a déclaré Christian Liflander, chef de … ;
 * “…,” said Jane Doe, Minister of …; Jane Doe said: "…". A quote attributed to a pronoun
 * ("he said") goes to the person quoted just before.
 */

const SPEECH_EN = '(?:said|says|added|stated|noted|explained|remarked|commented|emphasi[sz]ed|underlined|stressed|declared)';
const SPEECH_FR = "(?:a|ont|avait)\\s+(?:déclaré|dit|affirmé|souligné|indiqué|ajouté|expliqué|précisé|rappelé|estimé|relevé|fait savoir|insisté|conclu|commenté)|(?:déclare|affirme|souligne|indique|ajoute|explique|précise|rappelle|estime|relève)";
const HONORIFIC = "(?:M\\.|Mme|Mlle|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Prof\\.?)";
// A word of a name carries no full stop: "Cassis. Since February" ends at Cassis.
const NAME_WORD = "[\\p{Lu}][\\p{Ll}\\p{Lu}'’\\-]+";
const PARTICLE = "(?:de|du|des|da|di|van|von|der|den|le|la|bin|ibn|al|el|ter)";
const NAME = `(?:${HONORIFIC}\\s+)?(?:${NAME_WORD}|[\\p{Lu}]\\.)(?:\\s+(?:${PARTICLE}\\s+)?(?:${NAME_WORD}|[\\p{Lu}]\\.)){0,4}`;
const PRONOUN = '(?:he|she|il|elle)';

const ROLE_TITLES = /^(?:(?:Vice |Deputy |Under |Assistant |Prime |Foreign |Defence |Defense |Federal |Secretary[- ]General|Secretary|President|Minister|Ambassador|Director|General|Admiral|Colonel|Commander|Chancellor|Senator|Governor|Representative|Spokesperson|Spokesman|Councillor|Président|Ministre|Ambassadeur|Ambassadrice|Directeur|Directrice|Général|Secrétaire|Conseiller|Conseillère|fédéral|fédérale|d'État|of State|Chief|Chef|Head)\s*)+/;

const afterEn = new RegExp(`^\\s*,?\\s*${SPEECH_EN}\\s+(${NAME})(?:\\s*,\\s*([^.;!?]{3,160}))?`, 'u');
const afterEnNameFirst = new RegExp(`^\\s*,?\\s*(${NAME})(?:\\s*,\\s*([^,.;!?]{3,160}),)?\\s+${SPEECH_EN}\\b`, 'u');
const afterFr = new RegExp(`^\\s*,?\\s*(?:${SPEECH_FR})\\s+(${NAME})(?:\\s*,\\s*([^.;!?«»]{3,160}))?`, 'u');
const afterSelon = new RegExp(`^\\s*,?\\s*(?:selon|according to)\\s+(${NAME})(?:\\s*,\\s*([^.;!?«»]{3,160}))?`, 'u');
const afterPronoun = new RegExp(`^\\s*,?\\s*(?:${SPEECH_EN}\\s+${PRONOUN}|${PRONOUN}\\s+${SPEECH_EN}|${PRONOUN}[- ](?:a\\s+)?(?:déclaré|dit|ajouté|souligné|précisé|expliqué))\\b`, 'iu');
const nameAfterFunction = new RegExp(`^\\s+(?!(?:at|in|on|the|of|a|an|to|for|during|with|from|by|after|before|and|as|en|à|au|aux|le|la|les|de|du|des|lors|dans|et|pour)\\s)((?:\\p{Ll}[\\p{Ll}'’-]*\\s+){1,3})(${NAME})`, 'u');
const beforeSelon = new RegExp(`(?:[Ss]elon|[Aa]ccording to)\\s+(${NAME})(?:\\s*,\\s*([^,.;!?«»“”"]{3,160}),)?\\s*$`, 'u');
const beforeSpeaker = new RegExp(`(${NAME})(?:\\s*,\\s*([^,.;!?«»“”"]{3,160}),)?,?\\s+(?:${SPEECH_EN}|${SPEECH_FR})(?:\\s+(?:that|que|qu'))?\\s*[:,]?\\s*$`, 'u');

interface Span {
  text: string;
  start: number;
  end: number;
}

/**
 * The quoted spans of a paragraph: « » first, then “ ”, straight quotes and „ “, a span of a later
 * kind left out where it starts inside one already taken. Linear: each kind is one scan, merged
 * with the spans taken so far as two sorted lists.
 */
function quoteSpans(paragraph: string): Span[] {
  let spans: Span[] = [];
  const pairs: [string, string][] = [['«', '»'], ['“', '”'], ['"', '"'], ['„', '“']];
  for (const [open, close] of pairs) {
    const found: Span[] = [];
    let from = 0;
    while (from < paragraph.length) {
      const s = paragraph.indexOf(open, from);
      if (s < 0) break;
      const e = paragraph.indexOf(close, s + 1);
      if (e < 0) break;
      const inner = paragraph.slice(s + 1, e).trim();
      if (inner.length >= 25) found.push({ text: inner, start: s, end: e + 1 });
      from = e + 1;
    }
    const merged: Span[] = [];
    let i = 0;
    for (const span of found) {
      while (i < spans.length && spans[i]!.start <= span.start) merged.push(spans[i++]!);
      const before = merged.at(-1);
      if (!before || span.start >= before.end) merged.push(span);
    }
    while (i < spans.length) merged.push(spans[i++]!);
    spans = merged;
  }
  return spans;
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
  // Words before the name that are not part of it: a function ("Finance Gintarė Skaistė"), a form of address, a conjunction.
  const lead = NOT_NAME_LEAD.exec(speaker);
  if (lead && lead[0].length < speaker.length) speaker = speaker.slice(lead[0].length);
  return { speaker, role: cleanRole(r) };
}

/** Capitalised words that stand before a name without being part of it. */
const NOT_NAME_LEAD = /^(?:(?:As|But|And|When|While|Then|Also|Today|At|In|On|For|With|To|From|By|Mr|Mrs|Ms|Dr|Madame|Monsieur|Mister|Sir|Dame|CEO|COO|CFO|Chief|Executive|Officer|Chair(?:man|woman)?|Finance|Foreign|Economy|Defen[cs]e|Justice|Interior|Health|Trade|Federal|Councillor|Conseill(?:er|ère)|Spokes(?:person|man|woman)|Press|Deputy|Vice|Prime|State|Head|Chef|Présidente?|Ministre|Advis[eo]r|Couns[e]?llor|Counselor|Secretary|Director|Ambassador|Minister|President|Senator|Governor|Representative|Admiral|Colonel|Commander|Captain|General|Leader|Speaker|Mayor|King|Queen|Prince|Princess|Pope|Sheikh)\.?\s+)+/u;

/** A role is a function ("head of the FDFA"), not the rest of the sentence ("who chaired the debate", ", in a message"). */
function cleanRole(role: string | null): string | null {
  if (!role) return null;
  let r = role.replace(/\s+(?:a|said|says|who|qui)\b.*$/, '');
  if (/^(?:who|which|qui|adding|referring|ajoutant|soulignant|précisant|in|at|on|during|dans|lors|au|à|en|le|la|when|while|today|yesterday|aujourd)\b/i.test(r)) return null;
  r = r.split(/,\s*(?:in|at|on|during|dans|lors|au|à|en|when|while|before|after|today|yesterday|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/i)[0]!;
  r = r.replace(/[\s,:]+$/, '').trim();
  return r.length >= 3 ? r : null;
}

/**
 * A surname alone ("Cassis") stands for the person the release names in full elsewhere
 * ("Ignazio Cassis"); a first name alone ("Jake") likewise.
 */
function wholeName(speaker: string, text: string): string {
  if (/\s/.test(speaker)) return speaker;
  const name = escapeRegExp(speaker);
  const full = new RegExp(`(?<![\\p{L}])(?:([\\p{Lu}][\\p{Ll}]+(?:[-\\s][\\p{Lu}][\\p{Ll}]+)?)\\s+${name}|${name}\\s+([\\p{Lu}][\\p{Ll}]+(?:-[\\p{Lu}][\\p{Ll}]+)?))(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(full)) {
    const first = m[1]?.split(/\s/).pop();
    if (m[1] && first && !NOT_NAME_LEAD.test(`${first} `) && !NOT_A_NAME.test(first)) return `${first} ${speaker}`;
    if (m[2] && !NOT_A_NAME.test(m[2]) && !/^(?:Said|Says|Added|Noted|Stated|Administration|Government|Said)$/.test(m[2])) return `${speaker} ${m[2]}`;
  }
  return speaker;
}

const NOT_A_NAME = /^(?:The|Le|La|Les|This|Cette|Ce|It|Il|Elle|We|Nous|They|Ils|He|She|In|En|But|Mais|And|Et|As|Comme)$/;

/**
 * Quotes are looked for in the first 200,000 characters, and at most 200 are kept: a release
 * holds a few dozen at most, and the work stays bounded on a hostile file.
 */
const QUOTE_TEXT = 200_000;
const MOST_QUOTES = 200;

export function findQuotes(allParagraphs: string[]): Quote[] {
  const quotes: Quote[] = [];
  let last: { speaker: string; role: string | null } | null = null;
  let budget = QUOTE_TEXT;
  const paragraphs: string[] = [];
  for (const p of allParagraphs) {
    if (budget <= 0) break;
    paragraphs.push(p.length > budget ? p.slice(0, budget) : p);
    budget -= p.length;
  }
  for (const paragraph of paragraphs) {
    if (quotes.length >= MOST_QUOTES) break;
    for (const span of quoteSpans(paragraph)) {
      if (quotes.length >= MOST_QUOTES) break;
      const after = paragraph.slice(span.end, span.end + 260);
      const before = paragraph.slice(Math.max(0, span.start - 220), span.start);
      let who: { speaker: string; role: string | null } | null = null;
      // “…,” said X, then X said: “…”, then “…,” X said (the weakest: it may open the next sentence).
      const m = afterFr.exec(after) ?? afterEn.exec(after) ?? afterSelon.exec(after) ?? (beforeSpeaker.test(before) ? null : afterEnNameFirst.exec(after));
      // "says Empa researcher Thijs Defraeye": a name, a function in small letters, then the person.
      const later = m && !m[2] ? nameAfterFunction.exec(after.slice(m.index + m[0].length)) : null;
      if (m && later) who = splitRole(later[2]!, `${m[1]} ${later[1]!.trim()}`);
      else if (m && !NOT_A_NAME.test(m[1]!.split(/\s/)[0]!)) who = splitRole(m[1]!, m[2] ?? null);
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
  const text = paragraphs.join('\n');
  // Each speaker's whole name is looked up once.
  const names = new Map<string, string>();
  const whole = (speaker: string): string => {
    let name = names.get(speaker);
    if (name === undefined) names.set(speaker, (name = wholeName(speaker, text)));
    return name;
  };
  const holders = new Map<string, RegExpExecArray | null>();
  return quotes.flatMap((q) => {
    // "the President … said": a title alone stands for the one person the release gives it to.
    if (NOT_NAME_LEAD.test(`${q.speaker} `) && NOT_NAME_LEAD.exec(`${q.speaker} `)![0].length === q.speaker.length + 1) {
      if (!holders.has(q.speaker)) holders.set(q.speaker, new RegExp(`(?<![\\p{L}])${escapeRegExp(q.speaker)}\\s+(${NAME})`, 'u').exec(text));
      const holder = holders.get(q.speaker);
      if (!holder) return [];
      return [{ ...q, speaker: whole(splitRole(holder[1]!, null).speaker), role: q.role ?? q.speaker }];
    }
    return [{ ...q, speaker: whole(q.speaker) }];
  });
}
