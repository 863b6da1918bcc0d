"use client";

import { useEffect, useState } from "react";
import type { BundleEncryption } from "@/lib/bundle/schema";
import type { ImportOptions } from "@/lib/import/import-options";
import type { SelectableSection } from "@/lib/import/selectable-items";
import type { BundleSummary } from "@/lib/import/summarize-bundle";
import type { PlanCheck, WizardError, WizardTarget } from "./plan-in-browser";
import type { WorkerReply, WorkerRequest } from "./bundle-reader.worker";

/** What reading a file yields on the main thread (the bundle itself stays in the worker). */
export interface ReadBundle {
  summary: BundleSummary;
  encryption: BundleEncryption | null;
  /** Per section, the items' keys as the planner selects them (the wizard's checkboxes). */
  selectable: SelectableSection[];
  millis: number;
}

/**
 * The wizard's side of the bundle worker. The worker reads and validates the file off the main
 * thread and keeps the parsed bundle, so each edit of the options can be checked by the planner
 * there without sending a 100 MB bundle back and forth.
 */
export class BundleWorkerClient {
  private worker: Worker | null = null;
  private nextId = 0;
  private pending = new Map<
    number,
    {
      resolve: (reply: WorkerReply) => void;
      reject: (error: WizardError) => void;
      onSummary?: (summary: BundleSummary) => void;
    }
  >();

  /** `onSummary`: the summary of the parsed file, shown while its models are still being checked. */
  read(file: File, maxBytes: number, onSummary?: (summary: BundleSummary) => void): Promise<ReadBundle> {
    if (file.size > maxBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      return Promise.reject({
        code: "PAYLOAD_TOO_LARGE",
        message: `The file is ${mb(file.size)}; the limit is ${mb(maxBytes)}.`,
      } satisfies WizardError);
    }
    return this.ask({ kind: "read", file, maxBytes }, onSummary).then((reply) =>
      reply.kind === "read" ? reply.bundle : Promise.reject(unexpected),
    );
  }

  plan(options: ImportOptions, target: WizardTarget): Promise<PlanCheck> {
    return this.ask({ kind: "plan", options, target }).then((reply) =>
      reply.kind === "plan" ? reply.check : Promise.reject(unexpected),
    );
  }

  /** Starts the worker ahead of the first file, so its script is loaded and compiled by then. */
  warm(): void {
    this.start();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(unexpected);
    this.pending.clear();
  }

  private ask(
    request: DistributiveOmit<WorkerRequest, "id">,
    onSummary?: (summary: BundleSummary) => void,
  ): Promise<WorkerReply> {
    const id = ++this.nextId;
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onSummary });
      worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./bundle-reader.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const waiting = this.pending.get(event.data.id);
      if (event.data.kind === "summary") return waiting?.onSummary?.(event.data.summary);
      this.pending.delete(event.data.id);
      if (event.data.kind === "error") waiting?.reject(event.data.error);
      else waiting?.resolve(event.data);
    };
    worker.onerror = () => this.dispose();
    this.worker = worker;
    return worker;
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const unexpected: WizardError = { code: "INVALID_BUNDLE", message: "The file could not be read." };

/** One worker per wizard, ended with it. */
export function useBundleWorker(): BundleWorkerClient {
  const [client] = useState(() => new BundleWorkerClient());
  useEffect(() => {
    client.warm();
    return () => client.dispose();
  }, [client]);
  return client;
}
