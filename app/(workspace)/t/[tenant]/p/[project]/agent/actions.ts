"use server";

import { saveAgentConfig } from "@/lib/agent/save-agent-config";
import { projectAction, type ProjectRef } from "@/lib/http/workspace-action";

export async function saveAgentConfigAction(ref: ProjectRef, input: unknown) {
  return projectAction("saveAgentConfig", ref, (context) => saveAgentConfig({ ...context, input }));
}
