// PostgreSQL's binary COPY format, read (pure): an 11-byte signature, a flags word and a header
// extension, then per row a 16-bit field count and each field as a 32-bit length (-1: NULL) and its
// bytes, and -1 as the field count at the end. Text-like fields are their UTF-8 bytes, unescaped.

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // "PGCOPY\n\377\r\n\0"

/** Every field of a binary COPY output as offsets into it: field f of row r at r × fields + f. */
export interface BinaryCopyFields {
  rows: number;
  fields: number;
  /** Offsets: a Float64Array, as a Buffer may pass 2 GiB. */
  start: Float64Array;
  /** -1 for NULL. */
  length: Int32Array;
}

/** The fields of a binary COPY output, as offsets: no object per row or field (a million rows). */
export function copyBinaryFields(data: Uint8Array): BinaryCopyFields {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 19 || SIGNATURE.some((b, i) => data[i] !== b))
    throw new Error("Not PostgreSQL binary COPY output.");
  let at = 15;
  at += 4 + view.getInt32(at);
  const need = (bytes: number) => {
    if (at + bytes > data.length) throw new Error("Binary COPY output ends early.");
  };
  let start = new Float64Array(1024);
  let length = new Int32Array(1024);
  let count = 0;
  let rows = 0;
  let fields = 0;
  for (;;) {
    need(2);
    const rowFields = view.getInt16(at);
    at += 2;
    if (rowFields === -1) return { rows, fields, start: start.subarray(0, count), length: length.subarray(0, count) };
    if (rows > 0 && rowFields !== fields) throw new Error("Binary COPY rows differ in their number of fields.");
    fields = rowFields;
    if (count + fields > start.length) {
      const size = Math.max(start.length * 2, count + fields);
      const grownStart = new Float64Array(size);
      const grownLength = new Int32Array(size);
      grownStart.set(start);
      grownLength.set(length);
      [start, length] = [grownStart, grownLength];
    }
    for (let f = 0; f < fields; f++) {
      need(4);
      const bytes = view.getInt32(at);
      at += 4;
      start[count] = at;
      length[count++] = bytes;
      if (bytes === -1) continue;
      need(bytes);
      at += bytes;
    }
    rows++;
  }
}

/** The rows of a binary COPY output, each field a view of `data` (null for NULL). */
export function copyBinaryRows<T extends Uint8Array>(data: T): (T | null)[][] {
  const { rows, fields, start, length } = copyBinaryFields(data);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: fields }, (_, f) => {
      const k = r * fields + f;
      return length[k]! < 0 ? null : (data.subarray(start[k]!, start[k]! + length[k]!) as T);
    }),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid for the text of a COPY statement (which takes no parameters), refused unless it is one. */
export function uuidLiteral(id: string): string {
  if (!UUID.test(id)) throw new Error(`Not a uuid: ${JSON.stringify(id)}`);
  return `'${id}'`;
}

/** A jsonb field of binary COPY output: its text, after the format's version byte (1). */
export function jsonbField<T extends Uint8Array>(field: T): T {
  if (field[0] !== 1) throw new Error(`Unknown jsonb binary format ${field[0]}.`);
  return field.subarray(1) as T;
}
