"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { projectAction, rowKey } from "@/lib/http/workspace-action";
import { deployAll } from "@/lib/models/deploy-all";
import { deployModelVersion } from "@/lib/models/deploy-model-version";
import { refreshModel } from "@/lib/models/refresh-model";
import { saveModelVersion } from "@/lib/models/save-model-version";

interface ModelRef {
  tenantSlug: string;
  projectSlug: string;
  modelSlug?: string;
}

// Refs come from the browser: only their checked fields reach lib/ (see projectAction).

export async function refreshAction(ref: ModelRef) {
  return projectAction("refresh", ref, (context) =>
    refreshModel({ ...context, modelSlug: ref.modelSlug === undefined ? undefined : rowKey(ref.modelSlug) }),
  );
}

export async function saveModelVersionAction(ref: Required<ModelRef>, input: unknown) {
  return projectAction("saveModelVersion", ref, (context) =>
    saveModelVersion({ ...context, modelSlug: rowKey(ref.modelSlug), input }),
  );
}

export async function deployModelVersionAction(ref: Required<ModelRef>, number: number) {
  return projectAction("deployModelVersion", ref, async (context) => {
    if (!Number.isInteger(number)) throw new AppError("INVALID_INPUT", "Choose a version to deploy.");
    await deployModelVersion({ ...context, modelSlug: rowKey(ref.modelSlug), number });
  });
}

/** Deploy all (SPEC §12): the models an import listed, at their source's live versions; default the latest import. */
export async function deployAllAction(ref: ModelRef, importId?: string) {
  return projectAction("deployAll", ref, (context) =>
    deployAll({ ...context, importId: importId === undefined ? undefined : importKey(importId) }),
  );
}

function importKey(value: unknown): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "The request names no valid import.");
  return parsed.data;
}
