"use client";

import { RefreshCwIcon } from "lucide-react";
import { useState, useTransition } from "react";
import { refreshAction } from "@/app/(workspace)/t/[tenant]/p/[project]/actions";
import { Button } from "@/components/ui/button";

export function RefreshProjectButton({
  tenantSlug,
  projectSlug,
  modelSlug,
}: {
  tenantSlug: string;
  projectSlug: string;
  modelSlug?: string;
}) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      <span role="status" className="text-xs text-muted-foreground">
        {message}
      </span>
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await refreshAction({ tenantSlug, projectSlug, modelSlug });
            setMessage(
              result.ok
                ? `Rebuilt ${result.data.aggregates} aggregates and ${result.data.pockets} pockets (bookkeeping only; no warehouse contacted).`
                : result.error.message,
            );
          })
        }
      >
        <RefreshCwIcon className={pending ? "animate-spin" : undefined} />
        {pending ? "Refreshing…" : modelSlug ? "Refresh" : "Refresh all"}
      </Button>
    </div>
  );
}
