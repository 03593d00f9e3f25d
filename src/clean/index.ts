// Clean stage: Article -> Article with normalised text. Idempotent: cleaning twice changes nothing.
import type { Article } from '../types.js';
import { guessLanguage } from '../text/language.js';
import { countWords } from '../text/words.js';
import { packedMap } from '../text/packed.js';

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2212]/g;
const LONG_DASHES = /[\u2014\u2015]/g;
// Not the zero-width joiner and non-joiner: they are spelling in Persian, Indic scripts and emoji.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
// Control characters other than tab and newline.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Text with nothing to normalise but white space (most text): NFKC and the replacements above leave it as it is.
const PRINTABLE_ASCII = /^[\t\n\r\x20-\x7e]*$/;
// White space other than single spaces.
const SPACE_TO_COLLAPSE = /\s\s|[^\S ]/;

/**
 * Normalises one string: Unicode NFKC (no-break and other spaces become plain spaces, ligatures and
 * full-width forms are unfolded), curly quotes to straight ones, en dashes and minus signs to "-",
 * em dashes to "—", invisible characters removed, runs of white space collapsed to one space.
 */
export function cleanString(text: string): string {
  const normalised = PRINTABLE_ASCII.test(text)
    ? text
    : text
        .normalize('NFKC')
        .replace(INVISIBLE, '')
        .replace(CONTROL, ' ')
        .replace(SINGLE_QUOTES, "'")
        .replace(DOUBLE_QUOTES, '"')
        .replace(DASHES, '-')
        .replace(LONG_DASHES, '—');
  return (SPACE_TO_COLLAPSE.test(normalised) ? normalised.replace(/\s+/g, ' ') : normalised).trim();
}

/** Cleans every text field and drops empty paragraphs and paragraphs that repeat an earlier one. */
export function cleanArticle(article: Article): Article {
  const paragraphs = [...new Set(article.paragraphs.map(cleanString))].filter((p) => p !== '');
  const text = paragraphs.join('\n\n');
  const tags = [...new Set(packedMap(article.tags, cleanString).filter(Boolean))];
  // Extraction told the language from the body already; cleaning changes no word that it counts.
  const language = article.language !== undefined && article.languageConfidence !== undefined
    ? { code: article.language, confidence: article.languageConfidence }
    : guessLanguage(text);
  return {
    ...article,
    title: nullable(article.title),
    author: nullable(article.author),
    source: nullable(article.source),
    site: nullable(article.site),
    tags,
    paragraphs,
    text,
    words: countWords(text),
    language: language.code,
    languageConfidence: language.confidence,
  };
}

function nullable(value: string | null): string | null {
  if (value === null) return null;
  const cleaned = cleanString(value);
  return cleaned === '' ? null : cleaned;
}
