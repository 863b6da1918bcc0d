import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createHash } from "node:crypto";
import type { ByteSource } from "./byte-source";
import type { ModelJob } from "./model-worker";
import {
  checkModelBytes,
  finishSplit,
  parseWhole,
  splitSource,
  type ModelOutcome,
  type SplitSource,
} from "./parse-bundle";
import type { Bundle } from "./schema";

// An uploaded bundle's models checked on two threads: the main thread splits the file, then
// checks models one after another while keeping a worker thread (model-worker.ts) a few models
// ahead; whichever is free takes the next model. Outcomes are merged in the models' order by the
// same code as the one-thread path, so the bundle and every error are the same; the worker only
// shortens the wait (JSON.parse, the value walk, zod and the digests are most of an import's CPU).
// Anything the worker cannot do (it failed to start, died, ran out of its heap) the main thread
// does itself.

/** Each snapshot's digest, kept for the plan token (on either thread). */
export const sha256 = (bytes: Uint8Array): Uint8Array => createHash("sha256").update(bytes).digest();

/** Below this, a bundle is checked on the main thread alone: posting costs more than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/** Models posted to the worker and not yet finished. */
const AHEAD = 3;

export async function parseUploadedBundle(
  source: ByteSource,
  maxBytes: number,
  options: {
    minBytes?: number;
    /** Filled in for tests and benchmarks: how many models the worker checked. */
    stats?: { onWorker: number };
  } = {},
): Promise<Bundle> {
  // Started first, so it boots while the file is split.
  const worker = source.length >= (options.minBytes ?? PARALLEL_MIN_BYTES) ? modelWorker() : null;
  const split = splitSource(source, maxBytes);
  if (!split) return parseWhole(source, maxBytes);
  const onMain = (i: number) => checkModelBytes(split.modelBytes(i), i, split.ranges[i]!, sha256);
  if (!worker) return finishSplit(source, maxBytes, split, onMain);
  const outcomes = await checkOnTwoThreads(split, worker, onMain, options.stats);
  return finishSplit(source, maxBytes, split, (i) => outcomes[i] ?? onMain(i));
}

async function checkOnTwoThreads(
  split: SplitSource,
  worker: ModelWorker,
  onMain: (i: number) => ModelOutcome,
  stats = { onWorker: 0 },
): Promise<(ModelOutcome | undefined)[]> {
  const count = split.ranges.length;
  const outcomes = new Array<ModelOutcome | undefined>(count);
  const posted: Promise<void>[] = [];
  const finishedBefore = worker.finished();
  for (let next = 0; next < count;) {
    while (next < count && posted.length - (worker.finished() - finishedBefore) < AHEAD) {
      const i = next++;
      // A copy: the source's bytes may be a view into a larger buffer, which must stay whole.
      const bytes = new Uint8Array(split.modelBytes(i));
      posted.push(
        worker.check({ index: i, bytes, ranges: { snapshots: split.ranges[i]!.snapshots } }).then(
          (outcome) => {
            outcomes[i] = outcome;
            stats.onWorker++;
          },
          () => {}, // left undefined: the main thread checks it after all
        ),
      );
    }
    if (next < count) {
      const i = next++;
      outcomes[i] = onMain(i);
    }
  }
  await Promise.all(posted);
  return outcomes;
}

interface ModelWorker {
  /** How many models the worker has finished since it started (read without waiting). */
  finished(): number;
  check(job: Omit<ModelJob, "id">): Promise<ModelOutcome>;
}

// One per process, on globalThis: the server's entry (which starts it early) and the server
// build's copy of this module must share it.
const processWide = globalThis as { ferryModelWorker?: ModelWorker | null };

/**
 * The process's model worker, started on first use (or early, by the server: see
 * scripts/serve.ts) and kept; it never holds the process open. Null where it cannot run: the
 * worker is TypeScript, loaded through tsx (as the server and the CLI are) from the source tree
 * at the working directory.
 */
export function modelWorker(): ModelWorker | null {
  if (processWide.ferryModelWorker === undefined) processWide.ferryModelWorker = startModelWorker();
  return processWide.ferryModelWorker;
}

function startModelWorker(): ModelWorker | null {
  // Not for the server build to follow (it would try to bundle tsx): a file of the source tree.
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "bundle", "start-model-worker.mjs");
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return null;
  const finished = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(/*turbopackIgnore: true*/ file, {
    execArgv: [],
    workerData: { finished: finished.buffer },
    // A model larger than this heap fails on the worker and is checked on the main thread.
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  // Held open only while it has models to check: an idle worker never keeps a process alive.
  worker.unref();
  const waiting = new Map<number, { resolve(outcome: ModelOutcome): void; reject(error: Error): void }>();
  let ids = 0;
  const fail = (error: Error) => {
    if (processWide.ferryModelWorker === handle) processWide.ferryModelWorker = undefined; // the next import starts one
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", ({ id, outcome }: { id: number; outcome: ModelOutcome }) => {
    waiting.get(id)?.resolve(outcome);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`The model worker stopped (exit code ${code}).`)));
  const handle: ModelWorker = {
    finished: () => Atomics.load(finished, 0),
    check: (job) =>
      new Promise((resolve, reject) => {
        const id = ids++;
        waiting.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ ...job, id } satisfies ModelJob, [job.bytes.buffer as ArrayBuffer]);
      }),
  };
  return handle;
}
