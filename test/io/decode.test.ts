import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBytes } from '../../src/io/decode.js';
import { InputError } from '../../src/errors.js';

const bytes = (s: string, encoding: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(s, encoding));

test('plain UTF-8 is decoded as is', () => {
  assert.equal(decodeBytes(bytes('Lavrov met Wang Yi — in Moscow'), 'a.txt').text, 'Lavrov met Wang Yi — in Moscow');
});

test('a UTF-8 byte-order mark is dropped', () => {
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Title')]);
  assert.equal(decodeBytes(withBom, 'a.txt').text, 'Title');
});

test('UTF-16 with either byte-order mark is decoded', () => {
  const le = new Uint8Array([0xff, 0xfe, ...bytes('Kyiv talks', 'utf16le')]);
  assert.equal(decodeBytes(le, 'a.txt').text, 'Kyiv talks');
  const beBody = Buffer.from('Kyiv talks', 'utf16le').swap16();
  const be = new Uint8Array([0xfe, 0xff, ...beBody]);
  assert.equal(decodeBytes(be, 'a.txt').text, 'Kyiv talks');
});

test('UTF-16 without a byte-order mark is recognised', () => {
  assert.equal(decodeBytes(bytes('The ministry said on Friday', 'utf16le'), 'a.txt').text, 'The ministry said on Friday');
});

test('invalid bytes in a UTF-8 file are replaced, not fatal', () => {
  const broken = new Uint8Array([...bytes('Beijing caf'), 0xc3, ...bytes(' and more text that is fine é')]);
  const decoded = decodeBytes(broken, 'a.txt');
  assert.equal(decoded.repaired, true);
  assert.match(decoded.text, /Beijing caf\uFFFD and more text/);
});

test('a legacy single-byte page is read as Windows-1252', () => {
  const latin = new Uint8Array([...bytes('Caf'), 0xe9, ...bytes(' in S'), 0xe3, ...bytes('o Paulo')]);
  assert.equal(decodeBytes(latin, 'a.txt').text, 'Café in São Paulo');
});

test('empty, blank and binary files are refused with a reason naming the file', () => {
  for (const [input, reason] of [[new Uint8Array(), 'empty'], [bytes('  \n\t\n'), 'empty'], [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'binary']] as const) {
    assert.throws(() => decodeBytes(input, 'dir/file.txt'), (e: unknown) => e instanceof InputError && e.reason === reason && e.message.startsWith('dir/file.txt: '));
  }
});
