import "server-only";
import { headers } from "next/headers";

/** Client IP and scheme as seen through a reverse proxy (X-Forwarded-*), for rate limits and cookies. */
export async function requestMeta(): Promise<{ ip: string; secure: boolean }> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
  return { ip, secure: h.get("x-forwarded-proto") === "https" };
}
