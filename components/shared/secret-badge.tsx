import { Badge } from "@/components/ui/badge";

/** Whether a write-only credential is stored; its value is never available to the UI. */
export function SecretBadge({ set, what = "secret" }: { set: boolean; what?: string }) {
  return set ? (
    <Badge variant="outline">{what} set</Badge>
  ) : (
    <Badge variant="outline" className="text-muted-foreground">
      no {what}
    </Badge>
  );
}
