// Writes data/month-names.json: month names and abbreviations in the languages news is written in, as ICU (in
// Node) prints them in a date and alone, lower case without a final full stop, each mapped to its month (1-12).
//   node scripts/make-month-names.mjs
import fs from 'node:fs';

// Where two languages give one name to different months (Polish and Czech "listopad" is November, Croatian
// October), the first one here is believed.
const LOCALES = [
  'en', 'de', 'de-AT', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sk', 'sl', 'hr', 'sr-Latn', 'sr', 'bs', 'hu', 'ro', 'sq',
  'sv', 'da', 'nb', 'is', 'fi', 'et', 'lv', 'lt', 'ga', 'cy', 'ca', 'gl', 'eu', 'tr', 'ru', 'uk', 'be', 'bg', 'mk', 'el',
  'id', 'ms', 'ar', 'ar-SY', 'ar-DZ', 'fa', 'he', 'hi', 'bn', 'ur', 'mr', 'ne', 'ta', 'th', 'vi', 'sw', 'az', 'kk', 'uz', 'ka', 'hy',
];
const STYLES = [{ day: 'numeric', month: 'long' }, { month: 'long' }, { day: 'numeric', month: 'short' }, { month: 'short' }];

const names = {};
for (const locale of LOCALES) {
  for (const style of STYLES) {
    const format = new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC', calendar: 'gregory' });
    for (let month = 1; month <= 12; month++) {
      const parts = format.formatToParts(Date.UTC(2000, month - 1, 15));
      const at = parts.findIndex((p) => p.type === 'month');
      const name = parts[at]?.value.toLowerCase().replace(/\.$/, '');
      // A preposition written onto the month's name after the day (Hebrew "15 במרץ", "in March") makes a name too.
      const glued = /\p{L}+$/u.exec(parts[at - 1]?.type === 'literal' ? parts[at - 1].value : '')?.[0];
      for (const form of [name, glued && name && `${glued.toLowerCase()}${name}`]) {
        // Numbers ("10月", "1") are no names; two letters are too short to tell a month from a word.
        if (form && form.length >= 3 && !/\d/.test(form) && !(form in names)) names[form] = month;
      }
    }
  }
}
const about = `Month names (ICU ${process.versions.icu}, Node ${process.version}) in ${LOCALES.join(', ')}; made by scripts/make-month-names.mjs`;
fs.writeFileSync(new URL('../data/month-names.json', import.meta.url), JSON.stringify({ _about: about, names }, null, 0).replace(/,"/g, ',\n"') + '\n');
console.log(`${Object.keys(names).length} names`);
