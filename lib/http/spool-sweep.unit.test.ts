import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sweepSpooledUploads } from "./spool-sweep";

let directory: string;
beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-sweep-test-"));
});
afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;

describe("sweepSpooledUploads", () => {
  it("removes only leftover uploads untouched for a day, leaving recent ones and other files", () => {
    const now = Date.now();
    const touch = (name: string, age: number) => {
      const file = path.join(directory, name);
      fs.writeFileSync(file, "{}");
      fs.utimesSync(file, new Date(now - age), new Date(now - age));
    };
    touch("ferry-upload-old.json", 2 * DAY);
    touch("ferry-upload-recent.json", 60_000);
    touch("other-old.json", 2 * DAY);
    touch("ferry-upload-old.txt", 2 * DAY);
    fs.mkdirSync(path.join(directory, "ferry-upload-dir.json"));
    fs.utimesSync(path.join(directory, "ferry-upload-dir.json"), new Date(now - 2 * DAY), new Date(now - 2 * DAY));

    expect(sweepSpooledUploads({ directory, now })).toEqual(["ferry-upload-old.json"]);
    expect(fs.readdirSync(directory).sort()).toEqual([
      "ferry-upload-dir.json",
      "ferry-upload-old.txt",
      "ferry-upload-recent.json",
      "other-old.json",
    ]);
    // A day later the recent one is a leftover too.
    expect(sweepSpooledUploads({ directory, now: now + 2 * DAY })).toEqual(["ferry-upload-recent.json"]);
  });

  it("answers nothing for a directory that cannot be read", () => {
    expect(sweepSpooledUploads({ directory: path.join(directory, "missing") })).toEqual([]);
  });
});
