import net from "node:net";
import { describe, expect, it } from "vitest";
import { assertPortFree } from "./cleanup";

describe("assertPortFree", () => {
  it("fails at once on a busy port, naming the port and what to do", async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen({ port: 0, host: "127.0.0.1" }, resolve));
    const { port } = busy.address() as net.AddressInfo;
    try {
      await expect(assertPortFree(port, "Set FERRY_BENCH_PG_PORT to a free port.")).rejects.toThrow(
        `Port ${port} is already in use (a server left over from an earlier run?). Set FERRY_BENCH_PG_PORT to a free port.`,
      );
      await expect(assertPortFree(port)).rejects.toThrow(/Stop it or pass --port\.$/);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
    await expect(assertPortFree(port)).resolves.toBeUndefined();
  });
});
