"use client";

import { useState, useTransition } from "react";
import { saveModelVersionAction } from "@/app/(workspace)/t/[tenant]/p/[project]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { notify } from "@/lib/notify";
import { snapshotSchema } from "@/lib/validations/snapshot";

/** A JSON editor for the model draft, validated on every change; saving records a new version. */
export function ModelDraftEditor({
  modelRef,
  draft,
  canEdit,
}: {
  modelRef: { tenantSlug: string; projectSlug: string; modelSlug: string };
  draft: unknown;
  canEdit: boolean;
}) {
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [message, setMessage] = useState("");
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const validation = validate(text);

  if (!canEdit) return <pre className="max-h-96 overflow-auto rounded-md bg-muted p-3 text-xs">{text}</pre>;

  return (
    <form
      className="grid gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (validation.error || !message.trim()) return;
        startTransition(async () => {
          setServerError(null);
          const result = await saveModelVersionAction(modelRef, { draft: validation.value, message });
          if (result.ok) {
            notify.success(`Saved as version ${result.data.number}.`, { description: message.trim() });
            setMessage("");
          } else setServerError(result.error.message);
        });
      }}
    >
      <FormField id="draft-json" label="Definition (JSON)" error={validation.error ?? undefined}>
        <Textarea
          className="min-h-72 font-mono text-xs"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </FormField>
      <FormField id="version-message" label="Version message" hint="What changed, for the version history.">
        <Input value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} />
      </FormField>
      {serverError && <Alert variant="destructive">{serverError}</Alert>}
      <div>
        <Button type="submit" disabled={pending || !!validation.error || !message.trim()}>
          {pending ? "Saving…" : "Save as new version"}
        </Button>
      </div>
    </form>
  );
}

function validate(text: string): { value?: unknown; error: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${issue.path.join(".") || "definition"}: ${issue.message}` };
  }
  return { value: parsed.data, error: null };
}
