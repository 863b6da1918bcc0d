"use client";

import { UnlinkIcon } from "lucide-react";
import { useState, useTransition } from "react";
import {
  linkConnectionAction,
  unlinkConnectionAction,
} from "@/app/(workspace)/t/[tenant]/p/[project]/connections/actions";
import { ConfirmDeleteButton } from "@/components/shared/confirm-delete-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ProjectRef } from "@/lib/http/workspace-action";
import { CONNECTION_TYPE_LABELS } from "@/lib/validations/connection-fields";
import type { ConnectionType } from "@/generated/prisma/enums";

interface Option {
  name: string;
  type: ConnectionType;
  status: string;
}

/** Links one of the tenant's other connections to the project. */
export function LinkConnectionForm({ projectRef, available }: { projectRef: ProjectRef; available: Option[] }) {
  const [name, setName] = useState(available[0]?.name ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (available.length === 0)
    return (
      <p className="text-sm text-muted-foreground">Every connection of the tenant is already linked to this project.</p>
    );
  const selected = available.some((c) => c.name === name) ? name : available[0]!.name;
  return (
    <form
      className="grid gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await linkConnectionAction(projectRef, selected);
          setError(result.ok ? null : result.error.message);
        });
      }}
    >
      <Label htmlFor="link-connection">Connection to link</Label>
      <div className="flex flex-wrap gap-2">
        <NativeSelect
          id="link-connection"
          className="max-w-sm"
          value={selected}
          onChange={(event) => setName(event.target.value)}
        >
          {available.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({CONNECTION_TYPE_LABELS[c.type]}
              {c.status === "PENDING_CREDENTIALS" ? ", pending credentials" : ""})
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" disabled={pending}>
          {pending ? "Linking…" : "Link connection"}
        </Button>
      </div>
      {error && <Alert variant="destructive">{error}</Alert>}
    </form>
  );
}

export function UnlinkConnectionButton({ projectRef, name }: { projectRef: ProjectRef; name: string }) {
  return (
    <ConfirmDeleteButton
      label={`Unlink ${name}`}
      title={`Unlink ${name}?`}
      description="The project stops using this connection. The tenant connection itself and its secret are kept for other projects."
      icon={<UnlinkIcon />}
      confirmLabel="Unlink"
      pendingLabel="Unlinking…"
      action={() => unlinkConnectionAction(projectRef, name)}
    />
  );
}
