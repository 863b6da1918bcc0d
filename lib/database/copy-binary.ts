// PostgreSQL's binary COPY format, read (pure): an 11-byte signature, a flags word and a header
// extension, then per row a 16-bit field count and each field as a 32-bit length (-1: NULL) and its
// bytes, and -1 as the field count at the end. Text-like fields are their UTF-8 bytes, unescaped.

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // "PGCOPY\n\377\r\n\0"

/** The rows of a binary COPY output, each field a view of `data` (null for NULL). */
export function copyBinaryRows<T extends Uint8Array>(data: T): (T | null)[][] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 19 || SIGNATURE.some((b, i) => data[i] !== b))
    throw new Error("Not PostgreSQL binary COPY output.");
  let at = 15;
  at += 4 + view.getInt32(at);
  const rows: (T | null)[][] = [];
  const need = (bytes: number) => {
    if (at + bytes > data.length) throw new Error("Binary COPY output ends early.");
  };
  for (;;) {
    need(2);
    const fields = view.getInt16(at);
    at += 2;
    if (fields === -1) return rows;
    const row: (T | null)[] = new Array(fields);
    for (let f = 0; f < fields; f++) {
      need(4);
      const length = view.getInt32(at);
      at += 4;
      if (length === -1) {
        row[f] = null;
        continue;
      }
      need(length);
      row[f] = data.subarray(at, at + length) as T;
      at += length;
    }
    rows.push(row);
  }
}
