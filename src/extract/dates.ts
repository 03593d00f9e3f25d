// Dates and times as news pages print them, normalised to ISO 8601.
//
// Handles ISO stamps ("2023-02-02T23:44:00+03:00", "2025-04-02 05:04"), day-month-year
// ("7 Aug 2023 23:54"), month-day-year ("Published November 28, 2022 | 07:40 AM",
// "11:11 PM EST Nov 19, 2019"), numeric ("19/11/2019", "2019/11/19") and year-less datelines
// ("June 10 (Xinhua)") when a reference year is given; and in other languages, month names in
// the forms ICU knows ("16. Oktober 2019", "4 de mayo de 2022", "16 października 2019",
// "2019. október 16.", "März 7, 2018"), day-first dates with full stops ("04.05.20") and Chinese,
// Japanese and Korean dates ("2019年10月16日").
import { loadData } from '../data.js';
import { asciiDigit, OTHER_DIGIT } from '../text/chars.js';

export interface FoundDate {
  /** ISO 8601: date and time (with offset when printed) or the date alone. */
  iso: string;
  /** Position of the match in the searched text, and where it ends. */
  index: number;
  end: number;
  /** Whether a time of day was part of the match. */
  hasTime: boolean;
  /** Whether the year was printed (year-less datelines borrow one). */
  hasYear: boolean;
  /** The date as a UTC instant (local time read as UTC when no offset was printed): for comparisons. */
  instant: number;
  /** The day as printed (the date of `iso`), as a number: year * 10000 + month * 100 + day. */
  day: number;
}

/** The first three letters of each month's English name, in order: MONTH's names are told apart by them. */
const MONTH_PREFIXES = 'janfebmaraprmayjunjulaugsepoctnovdec';

/** Offsets of the time-zone abbreviations US and European sites print. */
const ZONES: Record<string, string> = {
  utc: 'Z', gmt: 'Z', z: 'Z', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00',
  pst: '-08:00', pdt: '-07:00', bst: '+01:00', cet: '+01:00', cest: '+02:00', eet: '+02:00', eest: '+03:00',
  msk: '+03:00', ist: '+05:30', jst: '+09:00', aest: '+10:00', aedt: '+11:00', sgt: '+08:00', hkt: '+08:00',
};

/** The first three letters of MONTH, which all its matches start with. */
const MONTH_START = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const TIME = '(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*(?:([AaPp])\\.?[Mm]\\.?)?(?:\\s*\\(?\\b([A-Z]{1,4}T?|UTC|GMT)\\b\\)?)?';
const TZ_OFFSET = '(Z|[+-]\\d{2}:?\\d{2})';

interface Pattern {
  re: RegExp;
  /** Reads month names in other languages than English, or their scripts' date forms. */
  otherLanguages?: boolean;
  /** What every match has: a month's name (its first three letters) or digits around a - / or . */
  needs?: 'month' | 'numeric';
  /** Matches dates without a year, which need a reference year to be read. */
  yearless?: boolean;
  /** Matches dates with two digits of the year ("04.05.20"). */
  twoDigitYear?: boolean;
  /** A cheap test that every match passes, run first where the pattern itself would cost more. */
  quick?: RegExp;
  build: (m: RegExpExecArray, year: number | null) => Parts | null;
}

interface Parts {
  y: number; mo: number; d: number;
  h?: number; mi?: number; s?: number;
  zone?: string;
  hasYear: boolean;
}

/**
 * The patterns with every field present, in one order: findDates' loop then reads objects of one shape (to V8),
 * which is much quicker than reading fields of several.
 */
function uniform(patterns: Pattern[]): Pattern[] {
  return patterns.map(({ re, otherLanguages = false, needs, yearless = false, twoDigitYear = false, quick, build }) => ({ re, otherLanguages, needs, yearless, twoDigitYear, quick, build }));
}

const PATTERNS = uniform([
  {
    // 2023-02-02T23:44:00+03:00, 2025-04-02 05:04, 2019-11-19T12:48:14Z, 2019-11-19
    re: new RegExp(`\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s?${TZ_OFFSET}?)?(?![\\d-])`, 'g'),
    needs: 'numeric',
    build: (m) => ({ y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: opt(m[4]), mi: opt(m[5]), s: opt(m[6]), zone: offsetOf(m[7]), hasYear: true }),
  },
  {
    // 7 Aug 2023 23:54, Tuesday 19 November 2019, 17 April 2023 - 07:27 GMT
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?:(?:,|\\s+at|\\s*[|\\-–—•/]|\\s)\\s*${TIME})?`, 'gi'),
    needs: 'month',
    build: (m) => withTime({ y: +m[3]!, mo: monthOf(m[2]!), d: +m[1]!, hasYear: true }, m, 4),
  },
  {
    // 11:11 PM EST Nov 19, 2019 (time first)
    re: new RegExp(`${TIME}\\s*[,|\\-–—]?\\s*(?:on\\s+)?(?:\\w+day,?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'gi'),
    needs: 'month',
    build: (m) => withTime({ y: +m[8]!, mo: monthOf(m[6]!), d: +m[7]!, hasYear: true }, m, 1),
  },
  {
    // November 28, 2022 | 07:40 AM; Nov. 19, 2019, 11:11 p.m. ET; November 19, 2019 12:04AM ET
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:(?:,|\\s+at|\\s*[|\\-–—•/]|\\s)\\s*${TIME})?`, 'gi'),
    needs: 'month',
    build: (m) => withTime({ y: +m[3]!, mo: monthOf(m[1]!), d: +m[2]!, hasYear: true }, m, 4),
  },
  {
    // 2019/11/19 or 2019.11.19
    re: /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b(?:\s+(\d{1,2}):(\d{2}))?/g,
    needs: 'numeric',
    build: (m) => ({ y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: opt(m[4]), mi: opt(m[5]), hasYear: true }),
  },
  {
    // 19/11/2019, 19.11.2019 (day first, as most of the world prints it; month first only when the day cannot be a month)
    // (also glued to a copy of itself or another date, as a dump joins two elements: 17/11/201917/11/2019)
    // (not a two-digit year glued to a time, "28.09.1912:44": a year is not followed by a colon and digits)
    re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\b(?!:\d)|(?=\d{1,2}[/.]\d{1,2}[/.]\d{4}))(?:\s+(\d{1,2}):(\d{2}))?/g,
    needs: 'numeric',
    build: (m) => {
      let d = +m[1]!, mo = +m[2]!;
      if (mo > 12 && d <= 12) [d, mo] = [mo, d];
      return { y: +m[3]!, mo, d, h: opt(m[4]), mi: opt(m[5]), hasYear: true };
    },
  },
  {
    // Datelines without a year: "June 10 (Xinhua) --", "BEIJING, June 10 (Reuters) -"
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})\\s*\\((?:[A-Z][\\w.]*\\s?){1,3}\\)`, 'g'),
    needs: 'month',
    yearless: true,
    build: (m, year) => (year === null ? null : { y: year, mo: monthOf(m[1]!), d: +m[2]!, hasYear: false }),
  },
]);

let allPatterns: Pattern[] | null = null;

/** PATTERNS and those for other languages, made on first use from the month names in data/month-names.json. */
function patternsForAllLanguages(): Pattern[] {
  if (allPatterns) return allPatterns;
  const names = new Map(Object.entries(loadData<{ names: Record<string, number> }>('month-names.json').names));
  // A word, then the second word of the names that have two (Levantine Arabic's), looked up as a whole; a word that is
  // no month's name makes no date. Cheaper than an alternation of all the names.
  const seconds = [...new Set([...names.keys()].filter((n) => n.includes(' ')).map((n) => n.split(' ')[1]!))];
  // Letters with their marks: Hindi's vowel signs and virama are marks ("मार्च").
  const name = `([\\p{L}\\p{M}]+(?:\\s+(?:${seconds.join('|')}))?)\\.?`;
  const month = (text: string) => names.get(text.toLowerCase().replace(/\s+/g, ' ')) ?? 0;
  // "um 15:05 Uhr", "à 10h30", "a las 07:46", "alle 12:00": the word between a date and its time.
  const at = '(?:,|\\s+(?:at|um|à|a\\s+las|às|alle|o|в|om|kl\\.?|klo)|\\s*[|\\-–—•/]|\\s)\\s*';
  const time = '(\\d{1,2})[:h.](\\d{2})';
  return (allPatterns = [
    ...PATTERNS,
    ...uniform([
    {
      // 16. Oktober 2019 um 15:05, 4 de Mayo de 2022 a las 07:46, 1er octobre 2019, 16 października 2019
      re: new RegExp(`(?<!\\d)(\\d{1,2})(?:\\.|º|er)?\\s*(?:[Dd]e\\s+)?${name},?\\s*(?:[Dd]el?\\s+)?(\\d{4})(?:${at}${time}(?!\\d))?`, 'gu'),
      otherLanguages: true,
      build: (m) => withTime({ y: +m[3]!, mo: month(m[2]!), d: +m[1]!, hasYear: true }, m, 4),
    },
    {
      // Oktober 25, 2023; März 7, 2018
      re: new RegExp(`(?<![\\p{L}\\d])${name}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'gu'),
      otherLanguages: true,
      quick: /\d,?\s+\d{4}/,
      build: (m) => ({ y: +m[3]!, mo: month(m[1]!), d: +m[2]!, hasYear: true }),
    },
    {
      // Day first with full stops as German and others print it, also spaced or glued to a word: 18. 05. 2014,
      // Erstellt am09.02.2022 10:24
      re: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!:\d)(?:,?\s+(\d{1,2}):(\d{2}))?/g,
      otherLanguages: true,
      build: (m) => ({ y: +m[3]!, mo: +m[2]!, d: +m[1]!, h: opt(m[4]), mi: opt(m[5]), hasYear: true }),
    },
    {
      // The same with two digits of the year, each part two digits, or with a time after it, also glued to it: 04.05.20
      // 14:50, 1.11.23 20:19, 28.09.1912:44 (without the time, "1.11.23" is as likely a version number).
      re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:(?![\d.])(?:,?\s+(\d{1,2}):(\d{2}))?|(\d{2}):(\d{2})(?!\d))/g,
      otherLanguages: true,
      twoDigitYear: true,
      build: (m) => {
        const [h, mi] = m[6] === undefined ? [m[4], m[5]] : [m[6], m[7]];
        if (m[1]!.length + m[2]!.length < 4 && h === undefined) return null;
        return { y: +m[3]! + (+m[3]! < 70 ? 2000 : 1900), mo: +m[2]!, d: +m[1]!, h: opt(h), mi: opt(mi), hasYear: true };
      },
    },
    {
      // 2019. október 16., 2019 m. spalio 16 d.
      re: new RegExp(`(?<!\\d)(\\d{4})\\.?\\s*(?:m\\.\\s*)?${name}\\s*(\\d{1,2})(?!\\d)`, 'gu'),
      otherLanguages: true,
      build: (m) => ({ y: +m[1]!, mo: month(m[2]!), d: +m[3]!, hasYear: true }),
    },
    {
      // 2019年10月16日 15:05, 2019년 10월 16일
      re: /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일](?:\s*(\d{1,2})[:時시]\s*(\d{2}))?/g,
      otherLanguages: true,
      build: (m) => ({ y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: opt(m[4]), mi: opt(m[5]), hasYear: true }),
    },
    ]),
  ]);
}

// The quick tests of findDates (regex literals are made anew each time they are run: these are made once).
const FOUR_DIGITS = /\d{4}/;
const SHORT_YEAR = /\d\.\d{2}(?:(?![\d.])|\d{2}:\d)/;
const NUMERIC = /\d[-/.]\d/;
const OTHER_DIGITS = new RegExp(OTHER_DIGIT.source, 'g');

/**
 * Every date in `text`, in order of position. `year` lets year-less datelines be read; `englishOnly` leaves out
 * other languages' month names and date forms.
 */
export function findDates(text: string, options: { year?: number | null; englishOnly?: boolean } = {}): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  // Quick tests of what each pattern needs: most text has none of it. Only year-less datelines do without four
  // digits in a row, and only they need a reference year.
  // Other digits read as ASCII ones, which keeps every index.
  if (OTHER_DIGIT.test(text)) text = text.replace(OTHER_DIGITS, asciiDigit);
  const year = FOUR_DIGITS.test(text);
  const shortYear = !options.englishOnly && SHORT_YEAR.test(text);
  if (!year && !shortYear && options.year == null) return found;
  const month = MONTH_START.test(text);
  const numeric = NUMERIC.test(text);
  const patterns = options.englishOnly || !(year || shortYear) ? PATTERNS : patternsForAllLanguages();
  // Whether every four digits in a row lie in a date found already: then the other patterns' matches (each has four
  // digits in a row) would all overlap those. Reckoned again when a pattern finds one.
  let yearsTaken = false;
  for (const pattern of patterns) {
    if (pattern.yearless ? options.year == null : pattern.twoDigitYear ? !shortYear : !year) continue;
    if (pattern.needs === 'month' ? !month : pattern.needs === 'numeric' && !numeric) continue;
    if (pattern.quick?.test(text) === false) continue;
    if (!pattern.yearless && !pattern.twoDigitYear && yearsTaken) continue;
    const before = taken.length;
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(text); m; m = pattern.re.exec(text)) {
      const start = m.index, end = m.index + m[0].length;
      if (overlaps(taken, start, end)) continue;
      const parts = pattern.build(m, options.year ?? null);
      const date = parts && toFoundDate(parts, start, end);
      if (!date) continue;
      taken.push([start, end]);
      found.push(date);
    }
    if (taken.length > before) yearsTaken = allYearsWithin(text, taken);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Whether each four digits in a row in the text (overlapping ones too: "20231" has two) lie within one of `ranges`. */
function allYearsWithin(text: string, ranges: Array<[number, number]>): boolean {
  for (let i = 0, run = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run >= 4 && !within(ranges, i - 3, i + 1)) return false;
  }
  return true;
}

/** Whether one of `ranges` holds the range from `start` to `end`. */
function within(ranges: Array<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of ranges) if (s <= start && end <= e) return true;
  return false;
}

/** Whether a range from `start` to `end` overlaps one of `ranges`. */
function overlaps(ranges: Array<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of ranges) if (start < e && end > s) return true;
  return false;
}

/** The first date in `text` that is not later than `notAfter`, or null. */
export function parseDate(text: string, notAfter?: Date): FoundDate | null {
  return findDates(text).find((d) => !notAfter || d.instant <= notAfter.getTime() + DAY) ?? null;
}

const DAY = 24 * 3600 * 1000;

function toFoundDate(p: Parts, index: number, end: number): FoundDate | null {
  if (p.y < 1900 || p.y > 2100 || p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > daysIn(p.y, p.mo)) return null;
  const hasTime = p.h !== undefined && p.mi !== undefined && p.h < 24 && p.mi < 60;
  const date = `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
  let iso = date;
  let instant = Date.UTC(p.y, p.mo - 1, p.d);
  if (hasTime) {
    iso += `T${pad(p.h!)}:${pad(p.mi!)}:${pad(p.s ?? 0)}${p.zone ?? ''}`;
    instant = instantOf(p.y, p.mo, p.d, p.h!, p.mi!, p.s ?? 0, p.zone);
  }
  return { iso, index, end, hasTime, hasYear: p.hasYear, instant, day: p.y * 10000 + p.mo * 100 + p.d };
}

/**
 * The instant Date.parse makes of such an ISO stamp, local time read as UTC (zone: Z or ±HH:MM), reckoned rather
 * than parsed: parsing is most of the cost of a date. NaN, as from Date.parse, for seconds or an offset out of range.
 */
function instantOf(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string | undefined): number {
  if (s > 59) return NaN;
  let offset = 0;
  if (zone !== undefined && zone !== 'Z') {
    const [hours, minutes] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (hours > 23 || minutes > 59) return NaN;
    offset = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
}

function withTime(parts: Parts, m: RegExpExecArray, at: number): Parts {
  if (m[at] === undefined) return parts;
  let h = +m[at]!;
  const mi = +m[at + 1]!;
  const ampm = m[at + 3]?.toLowerCase();
  if (ampm === 'p' && h < 12) h += 12;
  if (ampm === 'a' && h === 12) h = 0;
  if (ampm && h > 23) return parts;
  const zoneName = m[at + 4]?.toLowerCase();
  const zone = zoneName === 'et' ? undefined : zoneName ? ZONES[zoneName] : undefined;
  // Written out: spreading `parts` is several times slower here.
  return { y: parts.y, mo: parts.mo, d: parts.d, hasYear: parts.hasYear, h, mi, s: opt(m[at + 2]), zone };
}

/** The month of MONTH's group (which leaves out the full stop after it). */
function monthOf(name: string): number {
  // MONTH matches ASCII letters only (the i flag without u pairs ASCII letters with ASCII letters).
  return MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) / 3 + 1;
}

function offsetOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (text === 'Z') return 'Z';
  return text.includes(':') ? text : `${text.slice(0, 3)}:${text.slice(3)}`;
}

function opt(text: string | undefined): number | undefined {
  return text === undefined ? undefined : +text;
}

/** Two digits at least (n is a whole number from 0). */
function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Days in a month of the (proleptic) Gregorian calendar, as Date counts them. */
function daysIn(y: number, mo: number): number {
  if (mo === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/**
 * A line that is a date with at most a label around it ("Published: 7 Aug 2023 23:54"). English dates only: the
 * labels and words it allows around a date are English ones. `digitRun`: the most decimal digits (isDecimalDigit) in a row
 * in the text, when known (Line.digitRun), which rules most lines out without a regex.
 */
export function isDateLine(text: string, digitRun?: number): boolean {
  if (text.length > 90 || digitRun === 0) return false;
  // Every date form with a year has four digits in a row: most lines are ruled out before any date pattern runs.
  if (digitRun === undefined ? !FOUR_DIGITS.test(text) : digitRun < 4) return text.includes(':') && YEARLESS_STAMP.test(text) && fewWordsBesideDates(text);
  const dates = findDates(text, { englishOnly: true });
  if (dates.length === 0) return false;
  // "Updated on: November 19, 2019 / 10:07 AM / CBS News": a label, then the date, then perhaps the source.
  return (dates[0]!.index <= 25 && DATE_LABEL.test(text)) || fewWordsBesideDates(text) || (dates[0]!.index === 0 && shortFieldsAfter(text));
}

/**
 * A short line that is a date in any language the date patterns read, with at most one word of three letters or more
 * beside it (a week day, a label, "Uhr"): "12. März 2024, 10:30 Uhr", "۱۲ مارس ۲۰۲۴", "Dienstag, 12. März 2024"; not
 * a list item with a date ("02.11.2022 - Placebo - Stadthalle").
 */
export function isDateOnly(text: string): boolean {
  if (text.length > 60) return false;
  const dates = findDates(text);
  if (dates.length === 0) return false;
  // The text but the dates.
  let rest = '';
  let from = 0;
  for (const date of dates) {
    rest += `${text.slice(from, date.index)} `;
    from = date.end;
  }
  rest += text.slice(from);
  return (rest.match(LONG_WORD)?.length ?? 0) <= 1;
}

/** "October 12, 2018 / 0 Comments / in News / by Jane Roe": a date first, then short fields set apart by / or |. */
function shortFieldsAfter(text: string): boolean {
  const fields = text.split(FIELD_SEPARATOR);
  return fields.length >= 3 && fields.every((field) => field.split(SPACES).length <= 4);
}

const FIELD_SEPARATOR = /\s*[/|•·]\s*/;
const SPACES = /\s+/;
const DATE_LABEL = /^(?:first |last )?(?:published|posted|updated|modified)(?:\s+(?:on|at))?\s*:?\s/i;

/** A date and time without a year, as a page prints when the article was posted or updated ("Updated Nov 19, 9:41 AM"). */
const YEARLESS_STAMP = new RegExp(`\\b${MONTH}\\s+\\d{1,2},?\\s+(?:at\\s+)?\\d{1,2}:\\d{2}\\s*[AaPp]\\.?[Mm]`, 'i');

/** Whether a line has at most one word besides its dates, their labels and week days. */
function fewWordsBesideDates(text: string): boolean {
  // The words are runs of three letters or more: the dates' digits and signs between them need not be taken out.
  const rest = text.replace(DATE_LABEL_WORDS, '');
  let words = 0;
  // exec on the shared pattern, not match: a second word ends the search.
  LONG_WORD.lastIndex = 0;
  for (let word; (word = LONG_WORD.exec(rest)) !== null; ) if (!MONTH_OR_DAY.test(word[0]) && ++words > 1) return false;
  return true;
}

const DATE_LABEL_WORDS = /\b(published|posted|updated|last updated( at)?|on|at|date|am|pm|gmt|utc|[a-z]{2,4}t)\b/gi;
const LONG_WORD = /\p{L}{3,}/gu;
const MONTH_OR_DAY = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;
