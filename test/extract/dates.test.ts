import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates, isDateLine, isDateOnly, parseDate } from '../../src/extract/dates.js';

const iso = (text: string, year?: number) => findDates(text, { year })[0]?.iso ?? null;

test('the date forms news sites print are normalised to ISO 8601', () => {
  assert.equal(iso('7 Aug 2023 23:54'), '2023-08-07T23:54:00');
  assert.equal(iso('2025-04-02 05:04 Last Updated At:13:07'), '2025-04-02T05:04:00');
  assert.equal(iso('Published November 28, 2022 | 07:40 AM'), '2022-11-28T07:40:00');
  assert.equal(iso('2023-02-02T23:44:00+03:00'), '2023-02-02T23:44:00+03:00');
  assert.equal(iso('2019-11-19T12:48:14Z'), '2019-11-19T12:48:14Z');
  assert.equal(iso('Published 11:11 PM EST Nov 19, 2019'), '2019-11-19T23:11:00-05:00');
  assert.equal(iso('November 19, 2019 12:04AM ET'), '2019-11-19T00:04:00');
  assert.equal(iso('Tuesday, 19 November 2019'), '2019-11-19');
  assert.equal(iso('Sept. 30, 2019'), '2019-09-30');
  assert.equal(iso('19/11/2019'), '2019-11-19');
  assert.equal(iso('2019/11/19'), '2019-11-19');
});

test('a dateline without a year needs a year from elsewhere', () => {
  assert.equal(iso('BEIJING, June 10 (Xinhua) -- China said'), null);
  assert.equal(iso('BEIJING, June 10 (Xinhua) -- China said', 2024), '2024-06-10');
});

test('impossible dates and bare numbers are not dates', () => {
  assert.equal(iso('31 Feb 2023'), null);
  assert.equal(iso('2 Min Read'), null);
  assert.equal(iso('12-point plan'), null);
  assert.equal(iso('US$100 billion in 2020'), null);
});

test('dates after the file\'s own time are rejected', () => {
  const mtime = new Date('2023-01-01T00:00:00Z');
  assert.equal(parseDate('7 Aug 2023 23:54', mtime), null);
  assert.equal(parseDate('7 Aug 2022 23:54', mtime)?.iso, '2022-08-07T23:54:00');
});

test('a line that is only a date, with or without its year, is a date line; a sentence with a date is not', () => {
  assert.ok(isDateLine('Updated on: November 19, 2019 / 10:07 AM / Daily Courier'));
  assert.ok(isDateLine('October 12, 2018/0 Comments/in City News /by Jane Roe'));
  assert.ok(!isDateLine('October 12, 2018 was the day the council met in the old town hall / school'));
  assert.ok(isDateLine('Published: 7 Aug 2023 23:54'));
  assert.ok(isDateLine('Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM'));
  assert.ok(isDateLine('Posted Mar. 3 at 10:05 a.m.'));
  assert.ok(!isDateLine('The council will meet again on Nov 19, 9:30 AM, at the town hall.'));
  assert.ok(!isDateLine('Nov 19 is the last day to register.'));
});

test('a date line told with the digits in a row known is told as without', () => {
  const texts = ['Published: 7 Aug 2023 23:54', 'Updated Nov 19, 9:41 AM', 'Posted Mar. 3 at 10:05 a.m.', 'Nov 19 is the last day to register.', 'Home', '2024-07-26'];
  for (const text of texts) {
    const digitRun = Math.max(0, ...(text.match(/\d+/g) ?? []).map((run) => run.length));
    assert.equal(isDateLine(text, digitRun), isDateLine(text), text);
  }
  // The count is trusted: a line said to have no digit is no date line.
  assert.ok(!isDateLine('Published: 7 Aug 2023 23:54', 0));
});

test('month names in other languages, as ICU prints them, and CJK dates are read', () => {
  assert.equal(iso('18. Oktober 2019 um 15:05 Uhr'), '2019-10-18T15:05:00');
  assert.equal(iso('Miércoles, 4 de Mayo de 2022 a las 07:46hrs.'), '2022-05-04T07:46:00');
  assert.equal(iso('1er octobre 2019 à 10h30'), '2019-10-01T10:30:00');
  assert.equal(iso('16 października 2019'), '2019-10-16');
  assert.equal(iso('16 октября 2019 г.'), '2019-10-16');
  assert.equal(iso('16 ottobre 2019'), '2019-10-16');
  assert.equal(iso('16 de outubro de 2019'), '2019-10-16');
  assert.equal(iso('Donnerstag, 4. Jänner 2021'), '2021-01-04');
  assert.equal(iso('2019. október 16.'), '2019-10-16');
  assert.equal(iso('2019年10月16日 15:05'), '2019-10-16T15:05:00');
  assert.equal(iso('2019년 10월 16일'), '2019-10-16');
  assert.equal(iso('١٦ تشرين الأول ٢٠١٩'), '2019-10-16');
  assert.equal(iso('16 أكتوبر 2019'), '2019-10-16');
  assert.equal(iso('16 mai 2019'), '2019-05-16');
  // Glued to the words before it, as dumps print inline elements.
  assert.equal(iso('Original Research7 April 2020'), '2020-04-07');
});

test('month names written with marks (Hindi, Bengali) and digits of other scripts (Devanagari, Bengali, Persian, full width) are read', () => {
  assert.equal(iso('12 मार्च 2024, 10:30 IST'), '2024-03-12T10:30:00');
  assert.equal(iso('१२ मार्च २०२४'), '2024-03-12');
  assert.equal(iso('১২ মার্চ ২০২৪'), '2024-03-12');
  assert.equal(iso('۱۲ مارس ۲۰۲۴'), '2024-03-12');
  assert.equal(iso('２０２４年３月１２日'), '2024-03-12');
  assert.equal(iso('12 มีนาคม 2024'), '2024-03-12');
  // Hebrew writes "in" onto the month after a day, as ICU prints it.
  assert.equal(iso('12 במרץ 2024, 10:30'), '2024-03-12T10:30:00');
});

test('words that are no month, and a number run into the day, make no date', () => {
  assert.equal(iso('16 Leute 2019'), null);
  assert.equal(iso('Seite 316 Oktober 2019'), null);
});

test('a date’s day is the day as printed, whatever its time zone makes of the instant', () => {
  const [late, early] = findDates('2023-02-02T23:44:00-05:00 and 2023-02-03T00:10:00+03:00');
  assert.equal(late!.day, 20230202);
  assert.equal(early!.day, 20230203);
  assert.ok(late!.instant > early!.instant);
  const printed = findDates('16. Oktober 2019, 4 de mayo de 2022 and 2019年10月6日');
  assert.deepEqual(printed.map((date) => date.day), [20191016, 20220504, 20191006]);
});

test('a date of one form does not keep dates of the other forms from being found, nor a year outside it', () => {
  const dates = (text: string) => findDates(text).map((date) => `${date.index}:${date.iso}`);
  assert.deepEqual(dates('Nov 19, 2019 and 2019/11/20 and 21.11.2019'), ['0:2019-11-19', '17:2019-11-20', '32:2019-11-21']);
  assert.deepEqual(dates('2023-08-14 (updated 14 Aug 2023 10:22)'), ['0:2023-08-14', '20:2023-08-14T10:22:00']);
  assert.deepEqual(dates('14 Aug 2023 in 2024'), ['0:2023-08-14']);
});

test('numeric dates as dumps print them: one-digit parts with a time, a time or another date glued on', () => {
  assert.equal(iso('1.11.23 20:19 by the desk'), '2023-11-01T20:19:00');
  // Without a time, such a run of numbers is as likely a version.
  assert.equal(iso('Release 1.11.23 is out'), null);
  // A two-digit year with the time glued to it is no four-digit year.
  assert.equal(iso('reader28.09.1912:44'), '2019-09-28T12:44:00');
  assert.equal(iso('posted 28/09/1912:44'), null);
  assert.equal(iso('17/11/201917/11/2019 ~ Desk'), '2019-11-17');
});

test('a short line that is a date in any language, with a label or week day at most, is a date only', () => {
  for (const text of ['12. März 2024, 10:30 Uhr', '۱۲ مارس ۲۰۲۴', 'martes, 3 de mayo de 2022 · 23:57', '15 августа 2016, 13:43', '2024年03月12日 10:30']) assert.ok(isDateOnly(text), text);
  for (const text of ['02.11.2022 - Placebo - Stadthalle', 'Am 12. März 2024 beginnt die Konferenz', 'Hochsprung Schi A W14 19.05.2007']) assert.ok(!isDateOnly(text), text);
});
