"use client";

import { useState, useTransition } from "react";
import { deployModelVersionAction } from "@/app/(workspace)/t/[tenant]/p/[project]/actions";
import { Button } from "@/components/ui/button";

export function DeployVersionButton({
  modelRef,
  number,
}: {
  modelRef: { tenantSlug: string; projectSlug: string; modelSlug: string };
  number: number;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      {error && (
        <span className="text-xs text-destructive" role="alert">
          {error}
        </span>
      )}
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={`Deploy version ${number}`}
        onClick={() =>
          startTransition(async () => {
            const result = await deployModelVersionAction(modelRef, number);
            setError(result.ok ? null : result.error.message);
          })
        }
      >
        {pending ? "Deploying…" : "Deploy"}
      </Button>
    </span>
  );
}
