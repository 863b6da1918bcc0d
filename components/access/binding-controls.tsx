"use client";

import { UserXIcon } from "lucide-react";
import { useState, useTransition } from "react";
import { changeAccessRoleAction, revokeAccessAction } from "@/app/(workspace)/t/[tenant]/p/[project]/access/actions";
import { ConfirmDeleteButton } from "@/components/shared/confirm-delete-button";
import { NativeSelect } from "@/components/ui/native-select";
import type { ProjectRole } from "@/generated/prisma/enums";
import type { ProjectRef } from "@/lib/http/workspace-action";
import { PROJECT_ROLES } from "@/lib/validations/access";

interface Binding {
  email: string;
  role: ProjectRole;
  modelSlug: string | null;
  scopeLabel: string;
}

/** Changes a binding's role as soon as another one is picked; the server's refusal is shown beside it. */
export function BindingRoleSelect({ projectRef, binding }: { projectRef: ProjectRef; binding: Binding }) {
  const [role, setRole] = useState(binding.role);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <NativeSelect
        aria-label={`Role of ${binding.email} on ${binding.scopeLabel}`}
        className="h-8 w-28"
        value={role}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value as ProjectRole;
          const previous = role;
          setRole(next);
          startTransition(async () => {
            const result = await changeAccessRoleAction(projectRef, {
              email: binding.email,
              modelSlug: binding.modelSlug,
              role: next,
            });
            if (!result.ok) setRole(previous);
            setMessage(
              result.ok ? { text: "Role updated.", error: false } : { text: result.error.message, error: true },
            );
          });
        }}
      >
        {PROJECT_ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </NativeSelect>
      <span
        role={message?.error ? "alert" : "status"}
        className={message?.error ? "text-xs text-destructive" : "text-xs text-muted-foreground"}
      >
        {pending ? "Saving…" : message?.text}
      </span>
    </div>
  );
}

export function RevokeBindingButton({ projectRef, binding }: { projectRef: ProjectRef; binding: Binding }) {
  return (
    <ConfirmDeleteButton
      label={`Revoke ${binding.email} on ${binding.scopeLabel}`}
      title={`Revoke ${binding.email}'s role?`}
      description={`${binding.email} loses the ${binding.role} role on ${binding.scopeLabel}.`}
      icon={<UserXIcon />}
      confirmLabel="Revoke"
      pendingLabel="Revoking…"
      action={() => revokeAccessAction(projectRef, { email: binding.email, modelSlug: binding.modelSlug })}
    />
  );
}
