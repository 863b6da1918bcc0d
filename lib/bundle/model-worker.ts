// The worker thread of check-models-in-parallel.ts: checks the models it is sent (the same
// checkModelBytes as the main thread, with SHA-256 digests) and posts each outcome back, counting
// the models it finished in the import's shared counter, which the main thread reads without waiting.
import { parentPort, workerData } from "node:worker_threads";
import { sha256 } from "./check-models-in-parallel";
import { checkModelBytes, type ModelRanges } from "./parse-bundle";

export interface ModelJob {
  id: number;
  index: number;
  bytes: Uint8Array;
  ranges: Pick<ModelRanges, "snapshots">;
  /** The import's counter in the shared array (see check-models-in-parallel.ts). */
  counter: number;
}

const finished = new Int32Array((workerData as { finished: SharedArrayBuffer }).finished);

parentPort!.on("message", (job: ModelJob) => {
  const outcome = checkModelBytes(job.bytes, job.index, job.ranges, sha256);
  parentPort!.postMessage({ id: job.id, outcome });
  Atomics.add(finished, job.counter, 1);
});
