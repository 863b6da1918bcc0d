// Load test for "bounded work per request" (SPEC §6): while 10 oversized sign-ins (bodies of up to
// 120 MB streamed at the anonymous sign-in action) and 10 maximal key derivations (5,000,000
// PBKDF2 iterations through the passphrase check) hit a running Ferry, /api/v1/health is timed
// every 100 ms. Loopback only, bounded (each attack sends at most 120 MB, the run ends when they
// all answer or after 120 s). Not part of `npm test`:
//
//   npm start   (or PORT=… npm start), then
//   node_modules/.bin/tsx scripts/load/hardening-load.ts [http://127.0.0.1:3000]
import http from "node:http";
import { performance } from "node:perf_hooks";
import { actionId } from "@/e2e/support/server-actions";

const base = new URL(process.argv[2] ?? "http://127.0.0.1:3000");
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) throw new Error("Loopback targets only.");
const OVERSIZED_BYTES = 120 * 1024 * 1024;
const ATTACKS = 10;
const DEADLINE_MS = 120_000;

function request(options: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | (() => AsyncIterable<Buffer>);
}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      {
        host: base.hostname.replace(/^\[|\]$/g, ""),
        port: base.port,
        path: options.path,
        method: options.method ?? "GET",
        headers: options.headers,
      },
      (response) => {
        answered = true;
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString().slice(0, 10_000)));
        response.on("end", () => {
          resolve({ status: response.statusCode!, body, headers: response.headers, ms: performance.now() - started });
          req.destroy();
        });
      },
    );
    // A server that refuses a body closes the socket under our writes (EPIPE): its answer may still
    // be on its way, so give it a moment before calling the request failed.
    req.on("error", (error) => setTimeout(() => (answered ? undefined : reject(error)), 500));
    if (typeof options.body === "function") {
      const source = options.body();
      void (async () => {
        for await (const chunk of source) {
          if (answered || req.destroyed) break;
          if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
        }
        if (!answered && !req.destroyed) req.end();
      })().catch(() => undefined);
    } else req.end(options.body);
  });
}

const origin = base.origin;
const actionHeaders = (name: string, extra: Record<string, string> = {}) => ({
  "next-action": actionId(name),
  "content-type": "text/plain;charset=UTF-8",
  accept: "text/x-component",
  origin,
  ...extra,
});

async function signInCookie(): Promise<string> {
  const answer = await request({
    path: "/login",
    method: "POST",
    headers: actionHeaders("signInAction"),
    body: JSON.stringify([{ email: "admin@acme.test", password: "ferry-demo-pass" }]),
  });
  const cookie = [answer.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("ferry_session="));
  if (!cookie) throw new Error(`Sign-in failed (${answer.status}); is the demo data seeded?`);
  return cookie.split(";")[0]!;
}

/** `["a@b", "<120 MB password>"]`, streamed: the password never exists as one string here. */
async function* oversizedSignIn(): AsyncIterable<Buffer> {
  yield Buffer.from('[{"email":"nobody@ferry.test","password":"');
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  for (let sent = 0; sent < OVERSIZED_BYTES; sent += chunk.length) yield chunk;
  yield Buffer.from('"}]');
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, min: sorted[0]!, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
};
const fmt = (s: ReturnType<typeof stats>) =>
  `n=${s.n} median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, range ${s.min.toFixed(1)}–${s.max.toFixed(1)} ms`;

async function sampleHealth(until: () => boolean, pause = 100): Promise<number[]> {
  const times: number[] = [];
  while (!until()) {
    const answer = await request({ path: "/api/v1/health" });
    if (answer.status !== 200) throw new Error(`health answered ${answer.status}`);
    times.push(answer.ms);
    await new Promise((r) => setTimeout(r, pause));
  }
  return times;
}

const cookie = await signInCookie();
let idle = false;
setTimeout(() => (idle = true), 5_000);
const baseline = await sampleHealth(() => idle);

const encryption = {
  cipher: "fernet",
  kdf: "pbkdf2-sha256",
  iterations: 5_000_000,
  salt: Buffer.alloc(16, 7).toString("base64"),
  verifier: "gAAAAABnotarealtokenbutlongenoughtobeparsedxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
};
const attacks = [
  ...Array.from({ length: ATTACKS }, () =>
    request({
      path: "/login",
      method: "POST",
      headers: actionHeaders("signInAction", { "content-length": String(OVERSIZED_BYTES + 46) }),
      body: oversizedSignIn,
    }).then(
      (a) => ({ kind: "oversized sign-in", status: a.status, ms: a.ms }),
      // The connection was cut before an answer arrived: refused all the same.
      () => ({ kind: "oversized sign-in", status: 0, ms: Number.NaN }),
    ),
  ),
  ...Array.from({ length: ATTACKS }, (_, n) =>
    request({
      path: "/t/acme/import",
      method: "POST",
      headers: actionHeaders("checkPassphraseAction", { cookie }),
      body: JSON.stringify([encryption, `load test passphrase ${n}`, "acme"]),
    }).then((a) => ({
      kind: "5,000,000-iteration KDF",
      status: a.status,
      ms: a.ms,
      code: /"code":"([A-Z_]+)"/.exec(a.body)?.[1],
    })),
  ),
];
let done = false;
const started = performance.now();
const finished = Promise.all(attacks).finally(() => (done = true));
const underLoad = await sampleHealth(() => done || performance.now() - started > DEADLINE_MS);
const results = await finished;

console.log(`target ${base.origin}`);
console.log(`health, idle (5 s):        ${fmt(stats(baseline))}`);
console.log(`health, under attack:      ${fmt(stats(underLoad))}`);
for (const kind of ["oversized sign-in", "5,000,000-iteration KDF"]) {
  const of = results.filter((r) => r.kind === kind);
  const counts = new Map<string, number>();
  for (const r of of) {
    const outcome = r.status === 0 ? "connection cut" : `${r.status}${"code" in r && r.code ? ` ${r.code}` : ""}`;
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  const outcomes = [...counts].map(([outcome, n]) => `${n} × ${outcome}`).join(", ");
  const timed = of.map((r) => r.ms).filter(Number.isFinite);
  console.log(`${ATTACKS} × ${kind}: ${outcomes}${timed.length ? `; answered ${fmt(stats(timed))}` : ""}`);
}
console.log(`attack phase: ${((performance.now() - started) / 1000).toFixed(1)} s`);
