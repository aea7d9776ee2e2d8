import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { TextEncoding } from '../api/types.js';
import { chooseReleaseDate, formatUpdated, parseDate } from '../enrich/dates.js';
import type { ParsedDocument } from './model.js';
import { openingDate, readTextLayout, takeDateline } from './text-layout.js';

/** Lists in lists, quotes in quotes: deeper than this is not a release's layout. */
const MAX_DEPTH = 8;

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * A Markdown export: YAML front matter (read with the `yaml` package, YAML 1.2) and a body
 * tokenised by `marked`'s lexer, so headings, lists and links become plain paragraphs and
 * embedded HTML (figures, images) is dropped.
 */
export function parseMarkdown(text: string, encoding: TextEncoding): ParsedDocument {
  let front: Record<string, unknown> = {};
  let body = text;
  const m = FRONT_MATTER.exec(text);
  if (m) {
    try {
      const parsed: unknown = parseYaml(m[1]!, { schema: 'core' });
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) front = parsed as Record<string, unknown>;
    } catch {
      // A broken front matter is read as part of the text rather than losing the file.
    }
    body = text.slice(m[0].length);
  }

  const paragraphs: string[] = [];
  let heading: string | null = null;
  const tokens = new Lexer().lex(body);
  const visit = (token: Token, depth = 0): void => {
    switch (token.type) {
      case 'heading': {
        const t = inlineText((token as Tokens.Heading).tokens);
        if (heading === null && (token as Tokens.Heading).depth === 1) heading = t;
        else if (t) paragraphs.push(t);
        break;
      }
      case 'paragraph':
      case 'text': {
        const t = 'tokens' in token && token.tokens ? inlineText(token.tokens) : cleanInline(token.raw);
        if (t) paragraphs.push(t);
        break;
      }
      case 'list':
        for (const item of (token as Tokens.List).items) {
          // The item's own words make one paragraph; a list inside it makes its own.
          const own = item.tokens.filter((child) => child.type !== 'list');
          const t = own.map((child) => ('tokens' in child && child.tokens ? inlineText(child.tokens) : cleanInline(child.raw))).join(' ').trim();
          if (t) paragraphs.push(t);
          for (const child of item.tokens) if (child.type === 'list' && depth < MAX_DEPTH) visit(child, depth + 1);
        }
        break;
      case 'blockquote':
        if (depth < MAX_DEPTH) for (const child of (token as Tokens.Blockquote).tokens) visit(child, depth + 1);
        break;
      case 'code': {
        const code = token as Tokens.Code;
        // Exports indent lists and paragraphs by four spaces, which Markdown reads as code: a
        // press release has no code, so the block is read again as Markdown.
        if (code.codeBlockStyle === 'indented' && depth < MAX_DEPTH) for (const child of new Lexer().lex(code.text)) visit(child, depth + 1);
        else if (code.text.trim()) paragraphs.push(cleanInline(code.text));
        break;
      }
      case 'table':
        for (const row of (token as Tokens.Table).rows) {
          const t = row.map((cell) => inlineText(cell.tokens)).join(' · ');
          if (t.trim()) paragraphs.push(t);
        }
        break;
      default:
        // html, hr, space, def: page furniture, not the release's words.
        break;
    }
  };
  for (const token of tokens) visit(token);

  const str = (key: string): string | null => {
    const v = front[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v instanceof Date) return v.toISOString();
    return null;
  };
  const frontTitle = str('title');
  let title = frontTitle ?? heading ?? '';
  let rest = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!frontTitle && heading === null) {
    const layout = readTextLayout(rest.join('\n\n'));
    title = layout.title;
    rest = layout.paragraphs;
  }
  if (rest[0] === title) rest = rest.slice(1);
  const dateline = takeDateline(rest);

  const published = chooseReleaseDate([
    { date: dateline.date, source: 'dateline' },
    { date: firstDate(str('date'), str('published_time'), str('published'), str('pubDate')), source: 'metadata' },
    { date: openingDate(dateline.paragraphs), source: 'opening' },
  ]);
  const modified = str('modified_time') ?? str('updated') ?? str('lastmod') ?? str('modified');
  const modifiedDate = modified ? parseDate(modified) : null;
  const lang = str('lang') ?? str('language');
  return {
    format: 'md',
    encoding,
    title: title.replace(/\s+/g, ' ').trim(),
    paragraphs: dateline.paragraphs,
    published,
    updated: modifiedDate ? formatUpdated(modifiedDate) : null,
    place: dateline.place,
    declaredLanguage: lang ? lang.slice(0, 2).toLowerCase() : null,
    sourceUrl: str('source_url') ?? str('url') ?? str('source'),
  };
}

function firstDate(...values: (string | null)[]): string | null {
  for (const v of values) {
    if (!v) continue;
    const found = parseDate(v);
    if (found) return found.date;
  }
  return null;
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'html':
      case 'image':
        break;
      case 'br':
        out += ' ';
        break;
      case 'codespan':
        out += (t as Tokens.Codespan).text;
        break;
      case 'escape':
        out += (t as Tokens.Escape).text;
        break;
      default:
        out += 'tokens' in t && t.tokens ? inlineText(t.tokens) : decodeEntities('text' in t ? String(t.text) : '');
    }
  }
  return stripEmphasisMarks(out.replace(/\s+/g, ' ').trim());
}

function cleanInline(raw: string): string {
  return stripEmphasisMarks(decodeEntities(raw.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim());
}

/**
 * Emphasis marks the lexer left as text because they were unbalanced (`a promise** President`):
 * they are markup, not words. A star between digits (3*4) stays.
 */
export function stripEmphasisMarks(text: string): string {
  return text
    .replace(/\*\*+|__+/g, '')
    .replace(/(?<!\d)\*|\*(?!\d)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
