"use client";

import { deleteSettingAction } from "@/app/(workspace)/t/[tenant]/p/[project]/settings/actions";
import { EditDeleteButtons, NewItemButton } from "@/components/shared/item-actions";
import type { ProjectRef } from "@/lib/http/workspace-action";
import { SettingForm } from "./setting-form";

const DESCRIPTION = "Project settings are key/value pairs; the value is any JSON.";

export function NewSettingButton({ projectRef }: { projectRef: ProjectRef }) {
  return (
    <NewItemButton
      label="Add setting"
      description={DESCRIPTION}
      form={(close) => <SettingForm projectRef={projectRef} onDone={close} />}
    />
  );
}

export function SettingRowActions({
  projectRef,
  setting,
}: {
  projectRef: ProjectRef;
  setting: { key: string; value: unknown };
}) {
  return (
    <EditDeleteButtons
      item={setting.key}
      editTitle={`Edit setting ${setting.key}`}
      description={DESCRIPTION}
      form={(close) => <SettingForm projectRef={projectRef} existing={setting} onDone={close} />}
      deleteTitle={`Delete setting ${setting.key}?`}
      deleteDescription="The setting is removed from the project. This cannot be undone."
      onDelete={() => deleteSettingAction(projectRef, setting.key)}
    />
  );
}
