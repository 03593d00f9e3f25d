// The packed encoding of the cache's runs: values come back as their JSON would, in order, and bytes that are no packing are refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Packer, unpack } from '../../src/run/pack.js';

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function roundTrip(values: unknown[]): unknown[] {
  const packer = new Packer();
  for (const v of values) packer.add(v);
  return [...unpack(packer.bytes())];
}

test('values come back as JSON.parse gives their JSON: numbers, strings, nesting, and what JSON drops or changes', () => {
  const values: unknown[] = [
    { id: 'a1', title: 'Ministers meet in Vientiane', published: null, tags: ['ASEAN', 'Laos'], words: 212, confidence: 0.875, entities: [{ name: 'Laos', type: 'country', count: 3, aliases: ['Laos', 'Lao'], mentions: [] }] },
    [0, 1, -1, 2 ** 29 - 1, 2 ** 29, 2 ** 40, -2.5, 1e-9, Number.MAX_SAFE_INTEGER, -0],
    { notANumber: NaN, infinite: -Infinity, missing: undefined, inArray: [undefined, 1], when: new Date(Date.UTC(2024, 0, 2)) },
    { '': '', 'Zoë 😀 Москва': 'ünïcödé\u2028\u0000', nested: { deeper: { deepest: [[], {}, [[true, false]]] } } },
    { b: 1, 2: 'integer-like keys first, as in JSON.parse', a: 3 },
    JSON.parse('{"__proto__": {"polluted": true}, "x": 1}'),
    'a bare string',
    null,
  ];
  const back = roundTrip(values);
  assert.deepEqual(back, values.map(asJson));
  assert.deepEqual(Object.keys(back[4] as object), Object.keys(asJson(values[4]) as object));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(back[5]), Object.prototype);
  assert.deepEqual(Object.keys(back[5] as object), ['__proto__', 'x']);
});

test('many values sharing names and shapes pack into fewer bytes than their JSON, and come back in order', () => {
  const records = Array.from({ length: 2000 }, (_, i) => ({ id: `doc-${i}`, site: i % 3 ? 'One Site' : 'Another Site', entities: [{ name: 'Brazil', type: 'country', count: i % 7, aliases: ['Brazil'] }] }));
  const packer = new Packer();
  for (const r of records) packer.add([r]);
  const bytes = packer.bytes();
  assert.ok(bytes.length < Buffer.byteLength(JSON.stringify(records)) / 2, `${bytes.length} bytes`);
  assert.ok(Math.abs(packer.size - bytes.length) < bytes.length / 4, `size ${packer.size} for ${bytes.length} bytes`);
  assert.deepEqual([...unpack(bytes)], records.map((r) => [r]));
});

test('bytes that are not a packing, or a packing cut short, are refused', () => {
  const packer = new Packer();
  packer.add({ name: 'Vienna', count: 2 });
  const bytes = packer.bytes();
  assert.throws(() => [...unpack(bytes.subarray(0, bytes.length - 4))]);
  assert.throws(() => [...unpack(bytes.subarray(0, bytes.length - 1))]);
  assert.throws(() => [...unpack(Buffer.from('{"not": "packed"}'))]);
});
