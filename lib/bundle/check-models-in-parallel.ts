import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createHash } from "node:crypto";
import type { ByteSource } from "./byte-source";
import type { ModelJob } from "./model-worker";
import {
  checkModelBytes,
  finishSplit,
  MAX_DETAILS,
  parseWhole,
  splitSource,
  type ModelOutcome,
  type ModelRanges,
  type SplitSource,
} from "./parse-bundle";
import type { Bundle } from "./schema";

// An uploaded bundle's models checked on two threads: the main thread splits the file, handing
// each model it finds to a worker thread (model-worker.ts) while the worker has room, then checks
// the rest one after another, still keeping the worker a few models ahead: whichever is free takes
// the next model. Outcomes are merged in the models' order by the
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
/** A model larger than this is checked on the main thread: the worker's heap is kept small. */
const WORKER_MODEL_MAX_BYTES = 16 * 1024 * 1024;
/** After this many crashes the process stops starting workers: the main thread checks everything. */
const WORKER_STARTS = 3;
/** Imports checked at once with a counter of their own in the worker. */
const COUNTERS = 16;

export async function parseUploadedBundle(
  source: ByteSource,
  maxBytes: number,
  options: {
    minBytes?: number;
    /** Filled in for tests and benchmarks: how many models the worker checked. */
    stats?: { onWorker: number };
  } = {},
): Promise<Bundle> {
  const large = source.length >= (options.minBytes ?? PARALLEL_MIN_BYTES) && source.length <= maxBytes;
  const worker = large ? modelWorker() : null;
  if (!worker) {
    const split = splitSource(source, maxBytes);
    if (!split) return parseWhole(source, maxBytes);
    return finishSplit(source, maxBytes, split, (i, walkOnly) => checkModel(split, i, walkOnly));
  }
  const pairing = new Pairing(source, worker, options.stats);
  try {
    // The worker starts on the models the split has found while the split goes on.
    const split = splitSource(source, maxBytes, (i, ranges) => pairing.offer(i, ranges));
    if (!split) return parseWhole(source, maxBytes);
    for (let i = 0; i < split.ranges.length; i++) {
      if (pairing.claimed(i)) continue;
      if (!pairing.offer(i, split.ranges[i]!)) pairing.outcomes.set(i, checkModel(split, i));
    }
    await pairing.settled();
    return finishSplit(
      source,
      maxBytes,
      split,
      (i, walkOnly) => pairing.outcomes.get(i) ?? checkModel(split, i, walkOnly),
    );
  } finally {
    pairing.release();
  }
}

const checkModel = (split: SplitSource, i: number, walkOnly = false) =>
  checkModelBytes(split.modelBytes(i), i, split.ranges[i]!, sha256, walkOnly);

/**
 * The outcomes until they are merged, kept only as far as the merge can use them: a valid model
 * once another has a problem (the bundle is refused whatever it holds), or the problems of models
 * after the first MAX_DETAILS with problems of the same kind (the error lists the first
 * MAX_DETAILS in the models' order), would only take memory. A hostile file of a million tiny
 * invalid models must not hold a million lists of problems, as the one-thread merge never does.
 */
export class KeptOutcomes {
  private readonly byIndex = new Map<number, ModelOutcome>();
  /** Indices of the kept outcomes with problems, per kind, at most MAX_DETAILS each. */
  private readonly withProblems = { scanned: [] as number[], invalid: [] as number[] };
  private refused = false;

  set(i: number, outcome: ModelOutcome): void {
    if (outcome.kind === "valid") {
      this.byIndex.set(i, this.refused ? NOT_NEEDED : outcome);
      return;
    }
    this.byIndex.set(i, outcome);
    if (!this.refused) {
      this.refused = true;
      for (const [k, kept] of this.byIndex) if (kept.kind === "valid") this.byIndex.set(k, NOT_NEEDED);
    }
    if (outcome.kind === "syntax") return;
    const kept = this.withProblems[outcome.kind];
    kept.push(i);
    if (kept.length <= MAX_DETAILS) return;
    // The latest of them can add nothing: MAX_DETAILS problems come before it.
    const last = kept.reduce((a, b) => Math.max(a, b));
    kept.splice(kept.indexOf(last), 1);
    this.byIndex.set(last, { kind: outcome.kind, problems: [] });
  }

  get(i: number): ModelOutcome | undefined {
    return this.byIndex.get(i);
  }
}

/**
 * What a valid model is kept as once the bundle is refused: no problems of its own, so the merge
 * adds nothing for it, and the problems kept elsewhere make the error.
 */
const NOT_NEEDED: ModelOutcome = { kind: "invalid", problems: [] };

/** The models handed to the worker, kept at most AHEAD unfinished, and the outcomes as they come. */
class Pairing {
  readonly outcomes = new KeptOutcomes();
  private readonly posted = new Set<number>();
  private readonly waits: Promise<void>[] = [];
  /** This import's counter in the worker (concurrent imports each count their own). */
  private readonly counter: number;
  private readonly finishedBefore: number;

  constructor(
    private readonly source: ByteSource,
    private readonly worker: ModelWorker,
    private readonly stats = { onWorker: 0 },
  ) {
    this.counter = worker.counters.take();
    this.finishedBefore = worker.finished(this.counter);
  }

  claimed(i: number): boolean {
    return this.posted.has(i);
  }

  /** Posts model `i` to the worker when it has room; false when it has not. */
  offer(i: number, ranges: ModelRanges): boolean {
    if (ranges.end - ranges.start > WORKER_MODEL_MAX_BYTES) return false;
    if (this.posted.size - (this.worker.finished(this.counter) - this.finishedBefore) >= AHEAD) return false;
    this.posted.add(i);
    // A copy: the source's bytes may be a view into a larger buffer, which must stay whole.
    const bytes = new Uint8Array(this.source.slice(ranges.start, ranges.end));
    this.waits.push(
      this.worker.check({ index: i, bytes, ranges: { snapshots: ranges.snapshots }, counter: this.counter }).then(
        (outcome) => {
          this.outcomes.set(i, outcome);
          this.stats.onWorker++;
        },
        () => {}, // left undefined: the main thread checks it after all
      ),
    );
    return true;
  }

  settled(): Promise<unknown> {
    return Promise.all(this.waits);
  }

  /** Gives the counter back once every job posted is settled (at once, when all were awaited). */
  release(): void {
    void this.settled().then(() => this.worker.counters.give(this.counter));
  }
}

interface ModelWorker {
  /** How many models the worker has finished on `counter` (read without waiting). */
  finished(counter: number): number;
  /** Counters for imports in progress: one each while there are enough, else shared (only AHEAD loosens). */
  counters: { take(): number; give(counter: number): void };
  check(job: Omit<ModelJob, "id">): Promise<ModelOutcome>;
}

// One per process, on globalThis: the server's entry (which starts it early) and the server
// build's copy of this module must share it.
const processWide = globalThis as { ferryModelWorker?: ModelWorker | null; ferryModelWorkerStarts?: number };

/**
 * The process's model worker, started on first use (or early, by the server: see
 * scripts/serve.ts) and kept; it never holds the process open. Null where it cannot run: the
 * worker is TypeScript, loaded through tsx (as the server and the CLI are) from the source tree
 * at the working directory.
 */
export function modelWorker(): ModelWorker | null {
  if (processWide.ferryModelWorker === undefined) {
    const starts = (processWide.ferryModelWorkerStarts ?? 0) + 1;
    processWide.ferryModelWorkerStarts = starts;
    processWide.ferryModelWorker = starts <= WORKER_STARTS ? startModelWorker() : null;
  }
  return processWide.ferryModelWorker;
}

function startModelWorker(): ModelWorker | null {
  // Not for the server build to follow (it would try to bundle tsx): a file of the source tree.
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "bundle", "start-model-worker.mjs");
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return null;
  const finished = new Int32Array(new SharedArrayBuffer(4 * COUNTERS));
  // Counter 0 is the shared one, for imports beyond the others.
  const free = Array.from({ length: COUNTERS - 1 }, (_, k) => k + 1);
  const worker = new Worker(/*turbopackIgnore: true*/ file, {
    execArgv: [],
    workerData: { finished: finished.buffer },
    // Models over WORKER_MODEL_MAX_BYTES are never posted; should one still not fit, the worker
    // stops and its models are checked on the main thread.
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  // Held open only while it has models to check: an idle worker never keeps a process alive.
  worker.unref();
  const waiting = new Map<number, { resolve(outcome: ModelOutcome): void; reject(error: Error): void }>();
  let ids = 0;
  const fail = (error: Error) => {
    if (processWide.ferryModelWorker === handle) {
      // The next large import starts another, up to WORKER_STARTS in all.
      processWide.ferryModelWorker = undefined;
      console.warn(
        `[ferry] the import's model worker stopped (${error.message}); its models are checked on the main thread`,
      );
      void worker.terminate();
    }
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", ({ id, outcome }: { id: number; outcome: ModelOutcome }) => {
    waiting.get(id)?.resolve(outcome);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
  });
  worker.on("error", fail);
  worker.on("messageerror", fail);
  worker.on("exit", (code) => fail(new Error(`The model worker stopped (exit code ${code}).`)));
  const handle: ModelWorker = {
    finished: (counter) => Atomics.load(finished, counter),
    counters: {
      take: () => free.pop() ?? 0,
      give: (counter) => void (counter !== 0 && free.push(counter)),
    },
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
