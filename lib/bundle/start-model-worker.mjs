// The model worker's entry (see check-models-in-parallel.ts): Node runs a worker's file as it is,
// so this plain module registers tsx's loader in the worker thread and then loads the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./model-worker.ts");
