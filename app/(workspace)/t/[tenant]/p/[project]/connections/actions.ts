"use server";

import { linkProjectConnection } from "@/lib/connections/link-project-connection";
import { unlinkProjectConnection } from "@/lib/connections/unlink-project-connection";
import { projectAction, rowKey, type ProjectRef } from "@/lib/http/workspace-action";

export async function linkConnectionAction(ref: ProjectRef, connectionName: string) {
  return projectAction("linkConnection", ref, (context) =>
    linkProjectConnection({ ...context, connectionName: rowKey(connectionName) }),
  );
}

export async function unlinkConnectionAction(ref: ProjectRef, connectionName: string) {
  return projectAction("unlinkConnection", ref, (context) =>
    unlinkProjectConnection({ ...context, connectionName: rowKey(connectionName) }),
  );
}
