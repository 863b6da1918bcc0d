"use server";

import { projectAction, rowKey, type ProjectRef } from "@/lib/http/workspace-action";
import { updateProject } from "@/lib/projects/update-project";
import { deleteSetting } from "@/lib/settings/delete-setting";
import { saveSetting } from "@/lib/settings/save-setting";

export async function updateProjectAction(ref: ProjectRef, input: unknown) {
  return projectAction("updateProject", ref, (context) => updateProject({ ...context, input }));
}

/** Adds a setting (settingKey null) or updates the one with that key. */
export async function saveSettingAction(ref: ProjectRef, settingKey: string | null, input: unknown) {
  return projectAction("saveSetting", ref, (context) =>
    saveSetting({ ...context, settingKey: settingKey === null ? undefined : rowKey(settingKey), input }),
  );
}

export async function deleteSettingAction(ref: ProjectRef, settingKey: string) {
  return projectAction("deleteSetting", ref, (context) =>
    deleteSetting({ ...context, settingKey: rowKey(settingKey) }),
  );
}
