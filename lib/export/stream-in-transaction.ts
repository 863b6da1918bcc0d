import "server-only";
import { PassThrough, type Readable } from "node:stream";
import { withPgTransaction, type PgClient } from "@/lib/database/pg-transaction";

export type ChunkWriter = (chunk: string | Uint8Array) => Promise<void>;

/**
 * Runs `work` in one REPEATABLE READ, READ ONLY transaction and streams what it writes: the whole
 * document comes from one consistent snapshot, while memory holds only what the reader has not
 * consumed yet (writes wait for the reader: backpressure). A reader that goes away aborts the work.
 */
export function streamInTransaction(
  work: (client: PgClient, write: ChunkWriter) => Promise<void>,
  onSettled?: (error: unknown | null) => Promise<void> | void,
): Readable {
  const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
  const write: ChunkWriter = (chunk) => {
    if (stream.destroyed) return Promise.reject(new Error("The reader went away."));
    if (stream.write(chunk)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onDrain = () => (stream.off("close", onClose), resolve());
      const onClose = () => (stream.off("drain", onDrain), reject(new Error("The reader went away.")));
      stream.once("drain", onDrain);
      stream.once("close", onClose);
    });
  };
  void withPgTransaction((client) => work(client, write), { isolation: "REPEATABLE READ", readOnly: true }).then(
    async () => {
      await onSettled?.(null);
      stream.end();
    },
    async (error: unknown) => {
      await Promise.resolve(onSettled?.(error)).catch(() => {});
      if (!stream.destroyed) stream.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return stream;
}
