"use server";

import { changeAccessRole } from "@/lib/access/change-access-role";
import { grantAccess } from "@/lib/access/grant-access";
import { revokeAccess } from "@/lib/access/revoke-access";
import { projectAction, type ProjectRef } from "@/lib/http/workspace-action";

export async function grantAccessAction(ref: ProjectRef, input: unknown) {
  return projectAction("grantAccess", ref, (context) => grantAccess({ ...context, input }));
}

export async function changeAccessRoleAction(ref: ProjectRef, input: unknown) {
  return projectAction("changeAccessRole", ref, (context) => changeAccessRole({ ...context, input }));
}

export async function revokeAccessAction(ref: ProjectRef, input: unknown) {
  return projectAction("revokeAccess", ref, (context) => revokeAccess({ ...context, input }));
}
