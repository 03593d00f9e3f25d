// Nothing lost, nothing crashes, end to end: every input is processed or named as skipped, exit codes, odd and huge
// inputs, broken pipes, interruption, other languages, and a fuzzed folder. Inputs are generated into temp folders.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { mine, mineInProcess, mulberry32, ROOT, type RunResult, SAMPLES, tempDir } from '../helpers.js';

const TEMP = tempDir();
/** A fresh folder per case, inside one temp folder removed at exit. */
const freshDir = () => fs.mkdtempSync(path.join(TEMP, 'case-'));


const SAMPLE_FILE = path.join(SAMPLES, '001-lavrov-wang-yi-phone-call.txt');
const SAMPLE = fs.readFileSync(SAMPLE_FILE, 'utf8');
const BIN = path.join(ROOT, 'bin', 'mine.js');

/** `mine` killed after `ms`: a guard against hangs, not a speed test (a killed run has status null). */
function mineWithin(ms: number, args: string[]): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: '', encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30, timeout: ms });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertNoStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /^ {4}at /m, stderr);
  assert.doesNotMatch(stderr, /internal error/, stderr);
}

/** The files named in `mine: FILE: reason` lines on stderr (not the summary). */
function skippedFiles(stderr: string, files: string[]): string[] {
  return files.filter((f) => stderr.split('\n').some((line) => line.startsWith(`mine: ${f}: `)));
}

/** Counts from the summary line: "mine: P input(s) processed, R record(s); S skipped (...)". */
function summary(stderr: string): { processed: number; skipped: number; reasons: string } {
  const m = /^mine: (\d+) input\(s\) processed, \d+ record\(s\)(?:; (\d+) skipped \((.*)\))?$/m.exec(stderr);
  assert.ok(m, `no summary line in:\n${stderr}`);
  return { processed: Number(m[1]), skipped: Number(m[2] ?? 0), reasons: m[3] ?? '' };
}

test('exit 0 when all inputs are processed, 1 when some are skipped, 2 on usage errors; never a stack trace', () => {
  const ok = mine(['extract', '--json', 'samples']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stderr, '');
  const some = mine(['extract', '--json', 'samples', 'no/such.txt']);
  assert.equal(some.status, 1);
  assert.equal(JSON.parse(some.stdout).length, fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).length);
  assertNoStackTrace(some.stderr);
  for (const args of [['frobnicate', 'samples'], ['ner', '--frobnicate', 'samples'], ['entities', '--since', 'yesterday', 'samples'], ['timeline', '--entity', 'Russia', '--since', '2023-13', 'samples'], ['extract', '--max-size', 'big', 'samples']]) {
    const r = mine(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^mine/);
    assertNoStackTrace(r.stderr);
  }
});

test('every input is accounted for: processed, or skipped with a one-line reason, and counted by reason', () => {
  const dir = freshDir();
  const write = (name: string, content: string | Buffer) => fs.writeFileSync(path.join(dir, name), content);
  write('good.txt', SAMPLE);
  write('good-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]));
  write('empty.txt', '');
  write('blank.txt', '\n  \r\n\t');
  write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  write('records.ndjson', '{"file":"rec.txt","text":"Russia and China met."}\nnot json\n');
  fs.symlinkSync('nowhere.txt', path.join(dir, 'dangling.txt'));
  fs.symlinkSync(dir, path.join(dir, 'loop'));
  const missing = path.join(dir, 'missing.txt');
  const r = mine(['extract', '--json', dir, missing]);
  assert.equal(r.status, 1);
  assertNoStackTrace(r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).map((a: { file: string }) => path.basename(a.file)).sort(), ['good-utf16.txt', 'good.txt', 'rec.txt']);
  const expectSkipped = ['blank.txt', 'dangling.txt', 'empty.txt', 'image.txt', 'records.ndjson', 'missing.txt'].map((f) => path.join(dir, f));
  assert.deepEqual(skippedFiles(r.stderr, expectSkipped), expectSkipped);
  assert.match(r.stderr, /records\.ndjson: line 2: not valid JSON/);
  const counts = summary(r.stderr);
  assert.deepEqual([counts.processed, counts.skipped], [3, 6]);
  for (const reason of ['2 empty', '1 binary', '1 bad record', '1 unreadable', '1 missing']) assert.ok(counts.reasons.includes(reason), counts.reasons);
});

test('--strict stops at the first skipped input with exit 1 and says where', () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'a.txt'), SAMPLE);
  fs.writeFileSync(path.join(dir, 'b.txt'), '');
  fs.writeFileSync(path.join(dir, 'c.txt'), SAMPLE.replace('Russia, China', 'Later'));
  const r = mine(['extract', '--ndjson', '--strict', dir]);
  assert.equal(r.status, 1);
  assertNoStackTrace(r.stderr);
  assert.match(r.stderr, /b\.txt: empty file/);
  assert.match(r.stderr, /stopped at .*b\.txt \(--strict\)/);
  assert.doesNotMatch(r.stdout, /c\.txt/);
});

test('UTF-8 with and without BOM, UTF-16 LE and BE, CRLF and CR: the same article and entities, exit 0', () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'lf.txt'), SAMPLE);
  fs.writeFileSync(path.join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]));
  fs.writeFileSync(path.join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]));
  fs.writeFileSync(path.join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SAMPLE, 'utf16le').swap16()]));
  fs.writeFileSync(path.join(dir, 'crlf.txt'), SAMPLE.replace(/\n/g, '\r\n'));
  fs.writeFileSync(path.join(dir, 'cr.txt'), SAMPLE.replace(/\n/g, '\r'));
  const r = mineInProcess(['ner', '--json', dir]);
  assert.equal(r.status, 0, r.stderr);
  const articles = JSON.parse(r.stdout) as { file: string; id: string; entities: { name: string }[] }[];
  assert.equal(articles.length, 6);
  const strip = ({ file: _f, id: _i, ...rest }: (typeof articles)[number]) => rest;
  const lf = articles.find((a) => a.file.endsWith('lf.txt'))!;
  assert.ok(lf.entities.some((e) => e.name === 'Russia'));
  for (const a of articles) assert.deepEqual(strip(a), strip(lf), a.file);
});

test('an unreadable file is named and skipped', { skip: process.getuid?.() === 0 ? 'root can read any file' : false }, () => {
  const dir = freshDir();
  const locked = path.join(dir, 'locked.txt');
  fs.writeFileSync(locked, SAMPLE);
  fs.chmodSync(locked, 0o000);
  const r = mine(['extract', '--json', dir]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /locked\.txt: permission denied/);
  assertNoStackTrace(r.stderr);
});

test('a symlink loop does not hang and a 60-folder-deep tree is read', { timeout: 60000 }, () => {
  const root = freshDir();
  const deep = path.join(root, ...Array.from({ length: 60 }, (_, i) => `d${i}`));
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(deep, 'deep.txt'), SAMPLE);
  fs.symlinkSync(root, path.join(deep, 'loop'));
  fs.symlinkSync(root, path.join(root, 'loop'));
  const r = mineWithin(60000, ['extract', '--json', root]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).map((a: { file: string }) => path.basename(a.file)), ['deep.txt']);
});

test('a ~5 MB page of repeated paragraphs is extracted', { timeout: 120000 }, () => {
  const dir = freshDir();
  const first = 'Russian Foreign Minister Sergey Lavrov held a telephone conversation';
  const start = SAMPLE.indexOf(first);
  const end = SAMPLE.indexOf('\n\n', start);
  const paragraphs: string[] = [];
  for (let size = 0, i = 0; size < 5 * 1024 * 1024; i++) {
    const paragraph = `${SAMPLE.slice(start, end)} Paragraph ${i}.`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  const file = path.join(dir, 'big.txt');
  fs.writeFileSync(file, SAMPLE.slice(0, start) + paragraphs.join('\n\n') + SAMPLE.slice(end));
  const r = mineWithin(120000, ['extract', '--json', file]);
  assert.equal(r.status, 0, r.stderr);
  const [article] = JSON.parse(r.stdout);
  assert.equal(article.title, 'Russia, China foreign ministers discuss UN agenda and SCO cooperation by phone');
  assert.ok(article.paragraphs.length >= paragraphs.length, String(article.paragraphs.length));
});

test('a 1 MB single line of prose is extracted and its entities found', { timeout: 60000 }, () => {
  const dir = freshDir();
  const file = path.join(dir, 'one-line.txt');
  fs.writeFileSync(file, 'Russia said the talks with China went well. '.repeat(Math.ceil((1024 * 1024) / 44)));
  for (const command of ['extract', 'ner']) {
    const r = mineWithin(60000, [command, '--json', file]);
    assert.equal(r.status, 0, `${command}: ${r.stderr}`);
    assert.equal(JSON.parse(r.stdout).length, 1);
  }
});

test('adversarial lines (no punctuation, bracket runs, By/Read more runs, huge words, dates) finish with extract and ner', { timeout: 120000 }, () => {
  const dir = freshDir();
  const head = 'Eastbridge News\n\nRussia and China hold talks at the United Nations\n\n';
  const pages: Record<string, string> = {
    'no-punctuation.txt': 'a '.repeat(100_000),
    'brackets.txt': '(((((('.repeat(40_000) + ' Russia ' + ')'.repeat(10_000),
    'by.txt': 'By '.repeat(50_000) + 'Sergey Lavrov',
    'read-more.txt': 'Read more: ' + 'Russia and China discuss the talks in Moscow, '.repeat(20_000),
    'word.txt': 'x'.repeat(200_000) + ' ' + 'Lavrov'.repeat(30_000),
    'dates.txt': '2023-02-02 '.repeat(50_000) + '\n' + '27 Oct 2023 21:37 '.repeat(20_000),
    'bullets.txt': '  • x\n'.repeat(50_000),
    'blank-runs.txt': 'Russia.\n' + ' \n'.repeat(100_000) + 'China.',
  };
  for (const [name, body] of Object.entries(pages)) fs.writeFileSync(path.join(dir, name), head + body + '\n');
  for (const command of ['extract', 'ner']) {
    const r = mineWithin(60000, [command, '--json', dir]);
    assert.equal(r.status, 0, `${command}: ${r.stderr}`);
    assert.equal(JSON.parse(r.stdout).length, Object.keys(pages).length);
  }
});

test('ner finishes on long lines of organisation names and of repeated people', { timeout: 120000 }, () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'orgs.txt'), 'The United Nations Security Council Of The Republic '.repeat(10_000));
  fs.writeFileSync(path.join(dir, 'people.txt'), 'Sergey Lavrov said Lavrov and Wang Yi met Wang. '.repeat(32_000));
  // The kill is for a hang, not a timing: 60 s as the other runs here, so that a loaded machine running test files side by side does not trip it.
  const r = mineWithin(60000, ['ner', '--json', '--raw', dir]);
  assert.equal(r.status, 0, `killed after 60 s (${r.stderr})`);
  assert.equal(JSON.parse(r.stdout).length, 2);
});

test('`mine extract --ndjson samples | head -1` exits quietly', () => {
  const dir = freshDir();
  const status = path.join(dir, 'status');
  const r = spawnSync('sh', ['-c', `{ "$0" bin/mine.js extract --ndjson samples samples samples samples; echo $? > "$1"; } | head -1`, process.execPath, status], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.split('\n').length, 2);
  assert.equal(fs.readFileSync(status, 'utf8').trim(), '0');
});

test('output that cannot be written (disk full) is one line on stderr and exit 1', { skip: fs.existsSync('/dev/full') ? false : 'no /dev/full' }, () => {
  for (const args of [['extract', '--ndjson', 'samples'], ['entities', 'samples']]) {
    const r = spawnSync('sh', ['-c', `"$0" bin/mine.js ${args.join(' ')} > /dev/full`, process.execPath], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, 'mine: cannot write the output: no space left on device\n');
  }
});

test('NDJSON input with bad lines names each line number and still outputs the other records', () => {
  const dir = freshDir();
  const file = path.join(dir, 'in.ndjson');
  const lines = ['{"file":"a.txt","text":"Russia and China met in Moscow."}', '{"file":', '{"file":"b.txt","text":"Sergey Lavrov spoke."}', '"just a string"', '{"file":"c.txt","paragraphs":["Wang Yi replied."]}'];
  fs.writeFileSync(file, lines.join('\n') + '\n');
  for (const r of [mineInProcess(['ner', '--ndjson', file]), mineInProcess(['ner', '--ndjson', '-'], { input: lines.join('\r\n') })]) {
    assert.equal(r.status, 1);
    assertNoStackTrace(r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).file), ['a.txt', 'b.txt', 'c.txt']);
    assert.match(r.stderr, /: line 2: not valid JSON/);
    assert.match(r.stderr, /: line 4: not a JSON object/);
  }
});

test('aggregate commands take records with malformed entities and dates without an internal error', () => {
  const records = [
    { file: 'a.txt', text: 'Russia and China met.', published: 'garbage', site: 'x', entities: [{ name: 'Russia', type: 'country', mentions: [{ start: 0, end: 6 }] }, { name: 'X', type: 'weird', mentions: 'no' }] },
    { file: 'b.txt', text: 'Vladimir Putin spoke.', published: '2023-99-99T99:99', title: 7, tags: 'x', entities: [{ name: 'Vladimir Putin', type: 'person', mentions: [], count: 'lots' }] },
  ];
  const input = records.map((r) => JSON.stringify(r)).join('\n');
  for (const args of [['entities'], ['sources'], ['timeline', '--entity', 'Russia'], ['dedup']]) {
    const r = mineInProcess([...args, '-'], { input });
    assert.equal(r.status, 0, `${args[0]}: ${r.stderr}`);
    assertNoStackTrace(r.stderr);
  }
});

test('Ctrl-C stops taking inputs, says where the run got to, and exits 130', { timeout: 120000 }, async () => {
  const dir = freshDir();
  for (let copy = 0; copy < 30; copy++) for (const f of fs.readdirSync(SAMPLES)) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, `${copy}-${f}`));
  const child = spawn(process.execPath, [BIN, 'ner', '--ndjson', dir], { cwd: ROOT, timeout: 120000 });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    if (stdout === '') child.kill('SIGINT');
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 130, stderr);
  assert.match(stderr, /^mine: interrupted; (\d+) input\(s\) processed/m);
  assertNoStackTrace(stderr);
  const lines = stdout.trim().split('\n');
  assert.ok(lines.length < 30 * fs.readdirSync(SAMPLES).length, `${lines.length} records`);
  for (const line of lines) JSON.parse(line);
});

test('German and Russian pages get their language and no English entities', () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'de.txt'), [
    'Ostbrücke Nachrichten', '', '  • Politik', '  • Wirtschaft', '',
    'Russland und China sprechen über die Lage bei den Vereinten Nationen', '', '  • Von Ostbrücke Nachrichten', '  • 27 Okt 2023 21:37', '',
    'Der russische Außenminister Sergej Lawrow hat am Freitag mit seinem chinesischen Amtskollegen Wang Yi telefoniert, wie das Außenministerium in Moskau mitteilte.', '',
    'Nach Angaben des Ministeriums sprachen die beiden Minister über die Tagesordnung der Generalversammlung der Vereinten Nationen und über die Arbeit des Sicherheitsrates.', '',
    'Die Seiten stellten fest, dass die Abstimmung zwischen Moskau und Peking auf internationaler Ebene sehr eng sei, und vereinbarten, die Kontakte fortzusetzen.', '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'ru.txt'), [
    'Восточный мост Новости', '', '  • Политика', '  • Экономика', '',
    'Россия и Китай обсудили повестку ООН', '', '  • 27 окт 2023 21:37', '',
    'Министр иностранных дел России Сергей Лавров в пятницу провёл телефонный разговор со своим китайским коллегой Ван И, сообщили в МИД России.', '',
    'Как говорится в заявлении, министры обсудили повестку дня Генеральной Ассамблеи ООН и работу Совета Безопасности по региональным вопросам.', '',
    'Стороны отметили высокий уровень координации между Москвой и Пекином на международной арене и договорились поддерживать регулярные контакты.', '',
  ].join('\n'));
  const r = mineInProcess(['ner', '--json', dir]);
  assert.equal(r.status, 0, r.stderr);
  const articles = JSON.parse(r.stdout) as { file: string; language: string; words: number; entities: unknown[] }[];
  assert.deepEqual(articles.map((a) => [path.basename(a.file), a.language, a.entities]), [['de.txt', 'de', []], ['ru.txt', 'ru', []]]);
  for (const a of articles) assert.ok(a.words > 30, `${a.file}: ${a.words} words`);
});

test('fuzz: 200 random files in one folder are each either in the output or named as skipped, and counted', { timeout: 180000 }, () => {
  const random = mulberry32(42);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const sampleLines = fs.readdirSync(SAMPLES).flatMap((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8').split('\n'));
  const randomUnicode = () => String.fromCodePoint(...Array.from({ length: Math.floor(random() * 400) }, () => pick([0x20, 0x41, 0x61, 0xe0, 0x300, 0x410, 0x5d0, 0x620, 0x4e00, 0x2000, 0xfeff, 0x1f600]) + Math.floor(random() * 32)));
  const shuffledFragments = () => Array.from({ length: Math.floor(random() * 200) }, () => pick(sampleLines)).join(pick(['\n', '\r\n', '\r', '\n\n']));
  const kinds: Array<() => string | Buffer> = [
    () => Buffer.from(Array.from({ length: Math.floor(random() * 3000) }, () => Math.floor(random() * 256))),
    randomUnicode,
    shuffledFragments,
    () => `<html><body><h1>${pick(sampleLines)}</h1>${shuffledFragments().split(/\r?\n|\r/).map((l) => `<p>${l}</p>`).join('')}`,
    () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(shuffledFragments(), 'utf16le')]),
    () => shuffledFragments() + randomUnicode(),
  ];
  const dir = freshDir();
  const files: string[] = [];
  for (let i = 0; i < 200; i++) {
    const file = path.join(dir, `fuzz-${String(i).padStart(3, '0')}${random() < 0.8 ? '.txt' : '.html'}`);
    fs.writeFileSync(file, pick(kinds)());
    files.push(file);
  }
  const r = mineWithin(180000, ['ner', '--json', dir]);
  assert.ok(r.status === 0 || r.status === 1, `status ${r.status}: ${r.stderr}`);
  assertNoStackTrace(r.stderr);
  const output = new Set((JSON.parse(r.stdout) as { file: string }[]).map((a) => a.file));
  const skipped = new Set(skippedFiles(r.stderr, files));
  for (const file of files) assert.ok(output.has(file) !== skipped.has(file), `${file}: in output ${output.has(file)}, skipped ${skipped.has(file)}`);
  assert.ok(output.size > 0 && skipped.size > 0, 'the fuzz inputs give both processed and skipped files');
  const counts = summary(r.stderr);
  assert.deepEqual([counts.processed, counts.skipped], [output.size, skipped.size]);
  assert.equal(r.status, skipped.size > 0 ? 1 : 0);
});
