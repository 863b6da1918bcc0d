import { describe, expect, it } from "vitest";
import { binaryCopy, int4 } from "@/test/binary-copy";
import { copyBinaryFields, copyBinaryRows } from "./copy-binary";

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

  it("gives every field as offsets, without an object per field", () => {
    const data = binaryCopy([
      [Buffer.from("ab"), null],
      [Buffer.from("c"), Buffer.from("")],
    ]);
    const { rows, fields, start, length } = copyBinaryFields(data);
    expect([rows, fields, [...length]]).toEqual([2, 2, [2, -1, 1, 0]]);
    expect(data.toString("utf8", start[0]!, start[0]! + 2)).toBe("ab");
    expect(data.toString("utf8", start[2]!, start[2]! + 1)).toBe("c");
    expect(() => copyBinaryFields(binaryCopy([[int4(1)], [int4(1), int4(2)]]))).toThrow(/differ/);
  });

  it("refuses output that is not binary COPY or ends early", () => {
    expect(() => copyBinaryRows(Buffer.from("7\tabc\n"))).toThrow(/Not PostgreSQL binary COPY/);
    const data = binaryCopy([[int4(7), Buffer.from("abc")]]);
    for (const cut of [data.length - 1, data.length - 3, 21, 19])
      expect(() => copyBinaryRows(data.subarray(0, cut))).toThrow(/ends early/);
  });
});
