// A compact encoding of JSON values for the cache's packed runs (DocumentCache.getPacked): every string and every
// object's list of keys is stored once, and the values as one array of 32-bit words. Decoding builds the same
// values as JSON.parse of their JSON, in about half its time, since no key or repeated name is read twice.

/** The low 3 bits of a word say what it is; the rest is a count, a small integer, or an index into a table. */
const enum Tag {
  Null,
  False,
  True,
  Integer,
  Float,
  String,
  Array,
  Object,
}
const TAG_BITS = 3;
const MAX_PAYLOAD = 2 ** (32 - TAG_BITS);

/**
 * Values added one by one, packed together as JSON.stringify would keep them: undefined properties dropped,
 * non-finite numbers as null, a Date as its toJSON.
 */
export class Packer {
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly shapes: string[][] = [];
  private readonly shapeIds = new Map<string, number>();
  private readonly floats: number[] = [];
  private words = new Uint32Array(1 << 12);
  private used = 0;
  private stringBytes = 0;

  add(value: unknown): void {
    this.value(value);
  }

  /** About the size of the packed bytes so far. */
  get size(): number {
    return this.used * 4 + this.stringBytes + this.floats.length * 8;
  }

  /** The packed bytes: the length of the tables' JSON, the JSON, then the words (little-endian, as LMDB's own files are this machine's). */
  bytes(): Buffer {
    const tables = Buffer.from(JSON.stringify({ strings: this.strings, shapes: this.shapes, floats: this.floats }));
    const head = Buffer.alloc(4);
    head.writeUInt32LE(tables.length);
    return Buffer.concat([head, tables, Buffer.from(this.words.buffer, 0, this.used * 4)]);
  }

  private push(word: number): void {
    if (this.used === this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[this.used++] = word;
  }

  private tagged(tag: Tag, payload: number): void {
    this.push(payload * (1 << TAG_BITS) + tag);
  }

  private value(value: unknown): void {
    if (value === null || value === undefined) this.push(Tag.Null);
    else if (value === false) this.push(Tag.False);
    else if (value === true) this.push(Tag.True);
    else if (typeof value === 'number') this.number(value);
    else if (typeof value === 'string') this.tagged(Tag.String, this.string(value));
    else if (typeof (value as { toJSON?: unknown }).toJSON === 'function') this.value((value as { toJSON(): unknown }).toJSON());
    else if (Array.isArray(value)) {
      this.tagged(Tag.Array, value.length);
      for (const item of value) this.value(item);
    } else {
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object).filter((k) => object[k] !== undefined);
      this.tagged(Tag.Object, this.shape(keys));
      for (const k of keys) this.value(object[k]);
    }
  }

  private number(n: number): void {
    if (!Number.isFinite(n)) this.push(Tag.Null);
    else if (Number.isInteger(n) && n >= 0 && n < MAX_PAYLOAD) this.tagged(Tag.Integer, n);
    else {
      this.tagged(Tag.Float, this.floats.length);
      this.floats.push(n);
    }
  }

  private string(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
      this.stringBytes += s.length + 3;
    }
    return id;
  }

  private shape(keys: string[]): number {
    const signature = keys.join('\0');
    let id = this.shapeIds.get(signature);
    if (id === undefined) {
      id = this.shapes.length;
      this.shapes.push(keys);
      this.shapeIds.set(signature, id);
    }
    return id;
  }
}

/**
 * The values packed by a Packer, in order, each decoded when asked for (so that they die young, as when each was
 * parsed on its own: decoding thousands of documents at once costs more in garbage collection than in decoding).
 * Throws on bytes that are not a packing.
 */
export function* unpack(bytes: Uint8Array): Generator<unknown> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tablesEnd = 4 + buffer.readUInt32LE(0);
  const { strings, shapes, floats } = JSON.parse(buffer.toString('utf8', 4, tablesEnd)) as { strings: string[]; shapes: string[][]; floats: number[] };
  // Copied: a Uint32Array must start on a multiple of 4, which LMDB's buffers need not.
  const body = new Uint8Array(buffer.length - tablesEnd);
  body.set(buffer.subarray(tablesEnd));
  const words = new Uint32Array(body.buffer);
  let at = 0;
  const value = (): unknown => {
    if (at >= words.length) throw new Error('packed values cut short');
    const word = words[at++]!;
    const payload = word >>> TAG_BITS;
    switch (word & ((1 << TAG_BITS) - 1)) {
      case Tag.Null: return null;
      case Tag.False: return false;
      case Tag.True: return true;
      case Tag.Integer: return payload;
      case Tag.Float: return floats[payload];
      case Tag.String: return strings[payload];
      case Tag.Array: {
        const array = new Array<unknown>(payload);
        for (let i = 0; i < payload; i++) array[i] = value();
        return array;
      }
      default: {
        const keys = shapes[payload]!;
        const object: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          // As JSON.parse: a "__proto__" key is a property, not the object's prototype.
          if (key === '__proto__') Object.defineProperty(object, key, { value: value(), enumerable: true, writable: true, configurable: true });
          else object[key] = value();
        }
        return object;
      }
    }
  };
  while (at < words.length) yield value();
}
