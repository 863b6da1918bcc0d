"use server";

import { revalidatePath } from "next/cache";
import { requireActionActor } from "@/lib/auth/session-actor";
import { runAction } from "@/lib/http/action-result";
import { deployModelVersion } from "@/lib/models/deploy-model-version";
import { refreshModel } from "@/lib/models/refresh-model";
import { saveModelVersion } from "@/lib/models/save-model-version";

interface ModelRef {
  tenantSlug: string;
  projectSlug: string;
  modelSlug?: string;
}

function revalidateProject(ref: ModelRef) {
  revalidatePath(`/t/${ref.tenantSlug}/p/${ref.projectSlug}`, "layout");
}

export async function refreshAction(ref: ModelRef) {
  return runAction("refresh", async () => {
    const actor = await requireActionActor();
    const result = await refreshModel({ actor, ...ref });
    revalidateProject(ref);
    return result;
  });
}

export async function saveModelVersionAction(ref: Required<ModelRef>, input: unknown) {
  return runAction("saveModelVersion", async () => {
    const actor = await requireActionActor();
    const result = await saveModelVersion({ actor, ...ref, input });
    revalidateProject(ref);
    return result;
  });
}

export async function deployModelVersionAction(ref: Required<ModelRef>, number: number) {
  return runAction("deployModelVersion", async () => {
    const actor = await requireActionActor();
    await deployModelVersion({ actor, ...ref, number });
    revalidateProject(ref);
  });
}
