import { Badge } from "@/components/ui/badge";

const VARIANT: Record<string, "success" | "warning" | "danger" | "info" | "secondary"> = {
  READY: "success",
  FRESH: "success",
  ACTIVE: "success",
  PENDING: "warning",
  STALE: "warning",
  PENDING_CREDENTIALS: "warning",
  BUILDING: "info",
  FAILED: "danger",
};

const WORDS: Record<string, string> = { PENDING_CREDENTIALS: "pending credentials" };

export function StatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANT[status] ?? "secondary"}>{WORDS[status] ?? status.toLowerCase()}</Badge>;
}
