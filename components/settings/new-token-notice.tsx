"use client";

import { CheckIcon, CopyIcon } from "lucide-react";
import { useRef, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Shows a freshly created token once; it lives only in this component's state. */
export function NewTokenNotice({ token, name, onDismiss }: { token: string; name: string; onDismiss: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
    } catch {
      // The Clipboard API needs a secure context; over plain HTTP fall back to the selection.
      input.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  };

  return (
    <Alert variant="success" className="grid gap-3">
      <div>
        <AlertTitle>Token “{name}” created</AlertTitle>
        <AlertDescription>
          Copy it now. You won&apos;t be able to see it again: Ferry stores only a hash of it.
        </AlertDescription>
      </div>
      <div className="flex gap-2">
        <Input
          ref={input}
          readOnly
          value={token}
          aria-label="New access token"
          className="bg-background font-mono text-xs"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button type="button" variant="outline" onClick={copy}>
          {copied ? <CheckIcon /> : <CopyIcon />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <div>
        <Button type="button" size="sm" variant="ghost" onClick={onDismiss}>
          I have stored it, hide the token
        </Button>
      </div>
    </Alert>
  );
}
