// PostgreSQL's binary COPY output built by hand, for tests of what reads it without a database.

/** `COPY … TO STDOUT (FORMAT binary)` of these rows (each field its binary form, null for NULL). */
export function binaryCopy(rows: (Buffer | null)[][]): Buffer {
  const parts: Buffer[] = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      const length = Buffer.alloc(4);
      length.writeInt32BE(field ? field.length : -1);
      parts.push(length, ...(field ? [field] : []));
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

/** An int4 in binary form. */
export function int4(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

/** A uuid in binary form. */
export const uuidBytes = (id: string) => Buffer.from(id.replaceAll("-", ""), "hex");

/** A jsonb in binary form: the format version (1) and the text. */
export const jsonbBytes = (text: string) => Buffer.concat([Buffer.from([1]), Buffer.from(text, "utf8")]);
