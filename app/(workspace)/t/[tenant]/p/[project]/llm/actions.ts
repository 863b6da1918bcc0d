"use server";

import { projectAction, rowKey, type ProjectRef } from "@/lib/http/workspace-action";
import { deleteLlmConfig } from "@/lib/llm-configs/delete-llm-config";
import { saveLlmConfig } from "@/lib/llm-configs/save-llm-config";

/** Creates an LLM config (configName null) or updates the named one. */
export async function saveLlmConfigAction(ref: ProjectRef, configName: string | null, input: unknown) {
  return projectAction("saveLlmConfig", ref, (context) =>
    saveLlmConfig({ ...context, configName: configName === null ? undefined : rowKey(configName), input }),
  );
}

export async function deleteLlmConfigAction(ref: ProjectRef, configName: string) {
  return projectAction("deleteLlmConfig", ref, (context) =>
    deleteLlmConfig({ ...context, configName: rowKey(configName) }),
  );
}
