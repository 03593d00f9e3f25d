// Character classes looked up by UTF-16 code unit: on hot paths, much faster than Unicode-property regexes.

/** LETTER_OR_DIGIT_PATTERN's: what the word and key regexes of the extractors count as letters (marks of letters too). */
export const LETTER_OR_DIGIT = 1;
/** Han, Hiragana, Katakana or Thai: scripts written without spaces. */
export const CJK = 2;
/**
 * What stop words are to spaced languages: Japanese kana particles and endings (hiragana) and the
 * commonest Chinese function characters. Running text has many; menus and headlines few.
 */
export const CJK_FUNCTION = 4;
/** Upper case: lower-casing changes it. */
export const UPPER = 8;
/**
 * Half of a surrogate pair (one code point to a `u` regex: alone it is in no class), U+0130 (İ, which lower-cases
 * to two characters) or U+03A3 (Σ, which lower-cases by context): scans that lower-case give such text to the
 * regexes instead.
 */
export const UNREADABLE = 16;
/** White space as String.prototype.trim and `\s` take it. */
export const SPACE = 32;
/** A Hangul syllable: Korean, whose particles and endings are written onto the words. */
export const HANGUL = 64;

/** Marks that attach to symbols, not letters: variation selectors (an emoji's U+FE0F) and combining marks for symbols. */
export const SYMBOL_MARKS = '\\uFE00-\\uFE0F\\u20D0-\\u20FF';
/**
 * A letter or digit, or a mark that is part of a letter as written (Hindi's vowel signs, Arabic's harakat, a
 * decomposed accent): a word is not cut at it.
 */
export const LETTER_OR_DIGIT_PATTERN = new RegExp(`[\\p{L}\\p{N}]|(?![${SYMBOL_MARKS}])\\p{M}`, 'u');
/** Text that is no part of a word (LETTER_OR_DIGIT_PATTERN's complement), in runs. */
export const NOT_WORD = new RegExp(`(?:[^\\p{L}\\p{M}\\p{N}]|[${SYMBOL_MARKS}])+`, 'gu');
/** A word: a letter or digit, then letters, digits and their marks (a mark never starts one); quick to match. */
export const WORD_RUN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
export const CJK_PATTERN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]/u;
// The commonest Chinese function characters, in simplified and traditional forms.
export const CJK_FUNCTION_PATTERN = /[，、；。！？\p{sc=Hiragana}的了是在和有不这這也就都而及与與着著或等为為以之其中对對从從把被们們个個我你他她它来來到说說要会會可能得地很还還所于於让讓给給将將已并並才又但因如此那些吗嗎呢吧]/u;

/** Zeros of the decimal digits other than ASCII that news prints dates in: Arabic-Indic, Persian, Devanagari, Bengali, full width. */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xff10];
/** A decimal digit of DIGIT_ZEROS' blocks, as a regex. */
export const OTHER_DIGIT = new RegExp(`[${DIGIT_ZEROS.map((zero) => `\\u${zero.toString(16).padStart(4, '0')}-\\u${(zero + 9).toString(16).padStart(4, '0')}`).join('')}]`);

/** Whether a code unit is a decimal digit, ASCII or of DIGIT_ZEROS' blocks (the line scan asks of every letter). */
export function isDecimalDigit(code: number): boolean {
  if (code <= 0x39) return code >= 0x30;
  if (code < 0x660 || code > 0xff19) return false;
  for (const zero of DIGIT_ZEROS) if (code >= zero && code < zero + 10) return true;
  return false;
}

/** The ASCII digit of a decimal digit of DIGIT_ZEROS' blocks. */
export function asciiDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String(code - DIGIT_ZEROS.find((zero) => code >= zero && code < zero + 10)!);
}

/** A Han, Hiragana or Katakana character (`cls`, its charClass): a word of its own (Thai, also written without spaces, has letters). */
export function isHanOrKana(code: number, cls: number): boolean {
  return (cls & CJK) !== 0 && (code < 0x0e00 || code > 0x0e7f);
}

/** Each code unit's classes, with COMPUTED set once known (so 0 means "not looked at yet"). */
const known = new Uint8Array(0x10000);
const COMPUTED = 0x80;
/** A charClasses() entry with UPPER set: a letter or digit of no other class (not CJK, Hangul or UNREADABLE). */
export const PLAIN_LETTER = COMPUTED | LETTER_OR_DIGIT | UPPER;
const lowered = new Uint16Array(0x10000);

/**
 * The classes of a code unit, as bits (and COMPUTED). Filled lazily: a page only ever meets a few hundred
 * distinct characters.
 */
export function charClass(code: number): number {
  return known[code] || classify(code);
}

/** The table charClass reads, for the hottest loops: an entry of 0 means "ask charClass". */
export function charClasses(): Uint8Array {
  return known;
}

/**
 * The table lowerCase reads, for the hottest loops: right for code units charClass has classed (not UNREADABLE),
 * and a look-up needs no branch on upper case, which the CPU often guesses wrong.
 */
export function lowerCases(): Uint16Array {
  return lowered;
}

/** The lower case of a code unit that is not UNREADABLE. */
export function lowerCase(code: number): number {
  if (known[code] === 0) classify(code);
  return lowered[code]!;
}

function classify(code: number): number {
  const char = String.fromCharCode(code);
  let bits = COMPUTED;
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0x130 || code === 0x3a3) bits |= UNREADABLE;
  if (LETTER_OR_DIGIT_PATTERN.test(char)) bits |= LETTER_OR_DIGIT;
  if (CJK_PATTERN.test(char)) bits |= CJK;
  if (CJK_FUNCTION_PATTERN.test(char)) bits |= CJK_FUNCTION;
  if (code >= 0xac00 && code <= 0xd7a3) bits |= HANGUL;
  if (char.toLowerCase() !== char) bits |= UPPER;
  if (/\s/.test(char)) bits |= SPACE;
  known[code] = bits;
  lowered[code] = char.toLowerCase().charCodeAt(0);
  return bits;
}

let units = new Uint16Array(1 << 14);
/** The bytes of `units`, as a Buffer to write strings into (one made per call cost as much as a short text's copy). */
let unitBytes = Buffer.from(units.buffer);
/** The longest text whose code units go into the kept array: a longer one gets an array of its own, not kept. */
const KEPT_UNITS = 1 << 20;

/**
 * The text's UTF-16 code units in a typed array: scans that read text several times over read it quicker there
 * than with charCodeAt. The array is one kept from call to call (grown when a text needs more), so a caller keeps
 * none of it past its next call.
 */
export function codeUnits(text: string): Uint16Array {
  if (text.length > KEPT_UNITS) {
    const codes = new Uint16Array(text.length);
    Buffer.from(codes.buffer).write(text, 'utf16le');
    return codes;
  }
  if (units.length < text.length) {
    units = new Uint16Array(Math.max(text.length, units.length * 2));
    unitBytes = Buffer.from(units.buffer);
  }
  unitBytes.write(text, 0, 'utf16le');
  return units.subarray(0, text.length);
}

/** FNV-1a, one UTF-16 code unit at a time: start from HASH_SEED. */
export const HASH_SEED = 0x811c9dc5;
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** The hash of a text, kept to 30 bits (a small integer to V8, quicker as a Map key); smallHash of hashStep's. */
export function hashOf(text: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
  return smallHash(hash);
}

export function smallHash(hash: number): number {
  return hash & 0x3fffffff;
}
