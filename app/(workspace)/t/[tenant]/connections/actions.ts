"use server";

import { deleteConnection } from "@/lib/connections/delete-connection";
import { saveConnection } from "@/lib/connections/save-connection";
import { rowKey, tenantAction } from "@/lib/http/workspace-action";

/** Creates a connection (connectionName null) or updates the named one. */
export async function saveConnectionAction(tenantSlug: string, connectionName: string | null, input: unknown) {
  return tenantAction("saveConnection", tenantSlug, (context) =>
    saveConnection({ ...context, connectionName: connectionName === null ? undefined : rowKey(connectionName), input }),
  );
}

export async function deleteConnectionAction(tenantSlug: string, connectionName: string) {
  return tenantAction("deleteConnection", tenantSlug, (context) =>
    deleteConnection({ ...context, connectionName: rowKey(connectionName) }),
  );
}
