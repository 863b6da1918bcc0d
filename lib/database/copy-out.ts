import "server-only";
import { to as copyTo } from "pg-copy-streams";
import type { PgClient } from "./pg-transaction";

/** Runs `COPY (…) TO STDOUT` on the client (in its transaction) and returns what it wrote. */
export function copyOutBytes(client: PgClient, sql: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = client.query(copyTo(sql));
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", reject);
    stream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}
