import type { PressRelease } from '../../archive/api/types.js';

let counter = 0;

/** A release built directly, for tests of the index that do not need files. */
export function makeRelease(patch: Partial<PressRelease> & { title: string; body?: string }): PressRelease {
  const body = patch.body ?? '';
  const id = patch.id ?? `r${String(++counter).padStart(6, '0')}`;
  const { body: _body, ...rest } = patch;
  return {
    id,
    path: `/archive/${id}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    published: null,
    updated: null,
    language: 'en',
    place: null,
    paragraphs: [],
    text: body ? `${patch.title}\n\n${body}` : patch.title,
    countries: [],
    organisations: [],
    quotes: [],
    summary: '',
    sourceUrl: null,
    origin: { host: null, country: null, datelineCountry: null },
    translations: [],
    size: 100,
    mtimeMs: 1,
    hash: `h-${id}`,
    ...rest,
  };
}
