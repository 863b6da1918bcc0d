// Re-indents PostgreSQL's compact jsonb text (`{"a": 1, "b": [1, 2]}`) as JSON.stringify with
// 2-space indentation would write the same value at `depth` — without building the value: export
// then neither parses nor re-serialises 100 MB of snapshots. Returns null whenever the result
// might differ from JSON.stringify(JSON.parse(text), null, 2) (array-index keys, which JavaScript
// reorders; numbers JavaScript writes differently), and the caller takes the JSON path instead.

const QUOTE = 34;
const BACKSLASH = 92;
const INDEX_KEY = /^"(?:0|[1-9]\d{0,9})"$/;

const indents: string[] = [];
function indent(level: number): string {
  return (indents[level] ??= `\n${"  ".repeat(level)}`);
}

export function indentJsonbText(text: string, depth: number): string | null {
  const out: string[] = [];
  let level = depth;
  let i = 0;
  let from = 0; // start of the pending verbatim run
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // A string: copied verbatim (jsonb escapes exactly as JSON.stringify does).
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) return null;
        let backslashes = 0;
        for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
        if (backslashes % 2 === 0) break;
        j++;
      }
      const isKey = text.charCodeAt(j + 1) === 58; /* : */
      if (isKey && j - i <= 12 && INDEX_KEY.test(text.slice(i, j + 1))) return null;
      i = j + 1;
      continue;
    }
    if (c === 123 || c === 91) {
      // { or [: empty containers stay on one line.
      const close = c === 123 ? 125 : 93;
      if (text.charCodeAt(i + 1) === close) {
        i += 2;
        continue;
      }
      out.push(text.slice(from, i + 1), indent(++level));
      from = ++i;
      continue;
    }
    if (c === 125 || c === 93) {
      out.push(text.slice(from, i), indent(--level));
      from = i;
      i++;
      continue;
    }
    if (c === 44) {
      // ", " → ",\n<indent>"
      out.push(text.slice(from, i + 1), indent(level));
      i += 2;
      from = i;
      continue;
    }
    if (c === 58) {
      // ": " stays as is.
      i += 2;
      continue;
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      // A number: JavaScript must write it back identically.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 125 || d === 93 || d === 32) break;
        j++;
      }
      const token = text.slice(i, j);
      if (String(Number(token)) !== token) return null;
      i = j;
      continue;
    }
    i++; // true, false, null: letters copied verbatim
  }
  out.push(text.slice(from));
  return out.join("");
}
