"use client";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Unexpected failures while rendering: said in words, with a retry; details stay in the server log. */
export default function WorkspaceError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="grid max-w-xl gap-3">
      <Alert variant="destructive">
        <AlertTitle>This page could not be loaded</AlertTitle>
        <AlertDescription>
          Something went wrong on the server. Nothing was changed. Try again; if it keeps happening, tell your
          administrator.
        </AlertDescription>
      </Alert>
      <div>
        <Button variant="outline" onClick={reset}>
          Try again
        </Button>
      </div>
    </div>
  );
}
