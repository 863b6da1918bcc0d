"use client";

import { RefreshCwIcon } from "lucide-react";
import { useTransition } from "react";
import { refreshAction } from "@/app/(workspace)/t/[tenant]/p/[project]/actions";
import { Button } from "@/components/ui/button";
import { notify } from "@/lib/notify";
import { plural } from "@/lib/utils";

export function RefreshProjectButton({
  tenantSlug,
  projectSlug,
  modelSlug,
  onRefreshed,
}: {
  tenantSlug: string;
  projectSlug: string;
  modelSlug?: string;
  /** Called after a successful refresh (the result page refetches its checklist). */
  onRefreshed?: () => void;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await refreshAction({ tenantSlug, projectSlug, modelSlug });
          if (result.ok) onRefreshed?.();
          if (result.ok)
            notify.success(
              `Rebuilt ${plural(result.data.aggregates, "aggregate")} and ${plural(result.data.pockets, "pocket")}`,
              { description: "Bookkeeping only: no warehouse was contacted." },
            );
          else notify.error("Refresh failed", { description: result.error.message });
        })
      }
    >
      <RefreshCwIcon className={pending ? "animate-spin" : undefined} />
      {pending ? "Refreshing…" : modelSlug ? "Refresh" : "Refresh all"}
    </Button>
  );
}
