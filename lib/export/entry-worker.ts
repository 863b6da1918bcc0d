import "server-only";
import { Worker } from "node:worker_threads";
import { wrappedEntry } from "@/lib/bundle/canonical-json";
import type { BundleModel } from "@/lib/bundle/sections/models";

// The export's second core: a worker thread parses a model's snapshots (read from jsonb as text)
// and stringifies and encodes its entry, while the main thread reads the next models from the
// database and writes the previous ones to the client. One worker per process, started on first
// use; it holds no state between messages.
//
// What it computes must equal `wrappedEntry` in lib/bundle/canonical-json.ts — JSON.stringify of
// `{ models: [model] }` with 2-space indentation — encoded as UTF-8: the export's tests compare
// the two byte for byte. It is code in a string (run with `eval`), so no bundler has to find a file.
const SOURCE = `
const { parentPort } = require("node:worker_threads");
const encoder = new TextEncoder();
parentPort.on("message", ({ id, model }) => {
  try {
    for (const version of model.versions) version.snapshot = JSON.parse(version.snapshot);
    const bytes = encoder.encode(JSON.stringify({ models: [model] }, null, 2));
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

const WORKER_HEAP_MB = 32;

/** The worker stopped (e.g. a model too large for its heap): the model can still be written here. */
class WorkerStopped extends Error {}

type Pending = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };
let current: { worker: Worker; pending: Map<number, Pending> } | null = null;
let nextId = 0;

function entryWorker(): NonNullable<typeof current> {
  if (current) return current;
  // A small heap: V8 grows an idle heap lazily, and a worker that only ever holds a few models
  // would otherwise keep what a large export made it grow to. A model too large for it stops the
  // worker, and that model is written on the main thread instead (below).
  const worker = new Worker(SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const state = { worker, pending: new Map<number, Pending>() };
  const fail = (error: Error) => {
    if (current === state) current = null;
    for (const { reject } of state.pending.values()) reject(error);
    state.pending.clear();
  };
  worker.on("message", (message: { id: number; bytes?: Uint8Array; error?: string }) => {
    const waiting = state.pending.get(message.id);
    if (!waiting) return;
    state.pending.delete(message.id);
    if (message.bytes) waiting.resolve(message.bytes);
    else waiting.reject(new Error(`The export could not write a model: ${message.error}`));
    if (state.pending.size === 0) worker.unref();
  });
  worker.on("error", (error) => fail(new WorkerStopped(error.message)));
  worker.on("exit", (code) => fail(new WorkerStopped(`The export's worker stopped (exit code ${code}).`)));
  worker.unref(); // idle, it never keeps the process alive
  current = state;
  return state;
}

/**
 * The UTF-8 bytes of `wrappedEntry(model)`, made on the worker. `model` comes from
 * `readModels(…, { snapshots: "text" })`: its versions' snapshots are jsonb text. It is copied
 * to the worker; the bytes come back without a copy. Should the worker stop, the model is
 * written on the main thread.
 */
export async function wrappedEntryOnWorker(model: BundleModel): Promise<Uint8Array> {
  try {
    return await onWorker(model);
  } catch (error) {
    if (!(error instanceof WorkerStopped)) throw error;
    return wrappedEntryHere(model);
  }
}

/** What the worker does, on the calling thread: the fallback (and the benchmark's comparison). */
export function wrappedEntryHere(model: BundleModel): Uint8Array {
  const parsed = {
    ...model,
    versions: model.versions.map((v) => ({ ...v, snapshot: JSON.parse(v.snapshot as unknown as string) as never })),
  };
  return Buffer.from(wrappedEntry(parsed), "utf8");
}

function onWorker(model: BundleModel): Promise<Uint8Array> {
  const state = entryWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    state.worker.ref(); // busy: keep it running until its answers are in
    state.worker.postMessage({ id, model });
  });
}

/** Stops the worker (tests; a process that exits needs nothing: the worker is unref'd when idle). */
export async function stopEntryWorker(): Promise<void> {
  const state = current;
  current = null;
  if (state) await state.worker.terminate();
}
