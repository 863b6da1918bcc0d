import { describe, expect, it } from "vitest";
import { copyBinaryRows } from "./copy-binary";

// What `COPY (SELECT 7, 'é'::text UNION ALL SELECT 8, NULL) TO STDOUT (FORMAT binary)` writes.
function binaryCopy(rows: (Buffer | null)[][]): Buffer {
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

const int4 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

describe("binary COPY output", () => {
  it("reads rows of fields as views of the bytes, NULL as null", () => {
    const data = binaryCopy([
      [int4(7), Buffer.from("é")],
      [int4(8), null],
    ]);
    const rows = copyBinaryRows(data);
    expect(rows).toHaveLength(2);
    expect(rows[0]![0]!.readInt32BE(0)).toBe(7);
    expect(rows[0]![1]!.toString("utf8")).toBe("é");
    expect(rows[1]![1]).toBeNull();
    expect(rows[0]![1]!.buffer).toBe(data.buffer);
  });

  it("reads no rows, and skips a header extension", () => {
    expect(copyBinaryRows(binaryCopy([]))).toEqual([]);
    const withExtension = binaryCopy([[int4(1)]]);
    const extended = Buffer.concat([
      withExtension.subarray(0, 15),
      int4(3),
      Buffer.from("abc"),
      withExtension.subarray(19),
    ]);
    expect(copyBinaryRows(extended)[0]![0]!.readInt32BE(0)).toBe(1);
  });

  it("refuses output that is not binary COPY or ends early", () => {
    expect(() => copyBinaryRows(Buffer.from("7\tabc\n"))).toThrow(/Not PostgreSQL binary COPY/);
    const data = binaryCopy([[int4(7), Buffer.from("abc")]]);
    for (const cut of [data.length - 1, data.length - 3, 21, 19])
      expect(() => copyBinaryRows(data.subarray(0, cut))).toThrow(/ends early/);
  });
});
