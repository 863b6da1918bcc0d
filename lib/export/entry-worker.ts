import "server-only";
import { Worker } from "node:worker_threads";
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

type Pending = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };
let current: { worker: Worker; pending: Map<number, Pending> } | null = null;
let nextId = 0;

function entryWorker(): NonNullable<typeof current> {
  if (current) return current;
  const worker = new Worker(SOURCE, { eval: true });
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
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`The export's worker stopped (exit code ${code}).`)));
  worker.unref(); // idle, it never keeps the process alive
  current = state;
  return state;
}

/**
 * The UTF-8 bytes of `wrappedEntry(model)`, made on the worker. `model` comes from
 * `readModels(…, { snapshots: "text" })`: its versions' snapshots are jsonb text. It is copied
 * to the worker; the bytes come back without a copy.
 */
export function wrappedEntryOnWorker(model: BundleModel): Promise<Uint8Array> {
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
