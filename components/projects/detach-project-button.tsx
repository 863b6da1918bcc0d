"use client";

import { UnlinkIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { detachProjectAction } from "@/app/(workspace)/t/[tenant]/p/[project]/reference-actions";
import { ConfirmDeleteButton } from "@/components/shared/confirm-delete-button";
import { notify } from "@/lib/notify";
import { describeSource, type ReferenceSource } from "@/lib/projects/reference";

/** Detach… (tenant admins): the reference project becomes an ordinary one, after a confirmation. */
export function DetachProjectButton(props: { tenantSlug: string; projectSlug: string; source: ReferenceSource }) {
  const router = useRouter();
  return (
    <ConfirmDeleteButton
      showLabel
      label="Detach…"
      icon={<UnlinkIcon />}
      title={`Detach ${props.projectSlug} from its source?`}
      description={`It stops being a reference of ${describeSource(props.source)}: its configuration becomes editable here, and bundles from that source no longer update it as a reference. A bundle from any source can then be imported into it. This is recorded in the history.`}
      confirmLabel="Detach"
      pendingLabel="Detaching…"
      action={async () => {
        const result = await detachProjectAction({ tenantSlug: props.tenantSlug, projectSlug: props.projectSlug });
        if (result.ok) {
          notify.success(`Detached ${props.projectSlug}`, { description: "It is an ordinary project now." });
          router.refresh();
        }
        return result;
      }}
    />
  );
}
