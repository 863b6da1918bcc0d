"use client";

import { deleteConnectionAction } from "@/app/(workspace)/t/[tenant]/connections/actions";
import { EditDeleteButtons, NewItemButton } from "@/components/shared/item-actions";
import { ConnectionForm, type EditableConnection } from "./connection-form";

const DESCRIPTION =
  "Connections are shared by the tenant's projects. Ferry stores and validates the settings; it does not connect to the warehouse yet.";

export function NewConnectionButton({ tenantSlug }: { tenantSlug: string }) {
  return (
    <NewItemButton
      label="New connection"
      description={DESCRIPTION}
      form={(close) => <ConnectionForm tenantSlug={tenantSlug} onDone={close} />}
    />
  );
}

export function ConnectionRowActions({
  tenantSlug,
  connection,
  inUse,
}: {
  tenantSlug: string;
  connection: EditableConnection;
  inUse: boolean;
}) {
  return (
    <EditDeleteButtons
      item={connection.name}
      editTitle={`Edit connection ${connection.name}`}
      description={DESCRIPTION}
      form={(close) => <ConnectionForm tenantSlug={tenantSlug} existing={connection} onDone={close} />}
      deleteTitle={`Delete connection ${connection.name}?`}
      deleteDescription={
        inUse
          ? "Projects still use this connection, so it cannot be deleted until they stop using it."
          : "The connection and its encrypted secret are removed from the tenant. This cannot be undone."
      }
      onDelete={() => deleteConnectionAction(tenantSlug, connection.name)}
    />
  );
}
