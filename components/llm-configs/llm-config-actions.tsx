"use client";

import { deleteLlmConfigAction } from "@/app/(workspace)/t/[tenant]/p/[project]/llm/actions";
import { KeyRoundIcon } from "lucide-react";
import { FormDialog } from "@/components/shared/form-dialog";
import { EditDeleteButtons, NewItemButton } from "@/components/shared/item-actions";
import { Button } from "@/components/ui/button";
import type { ProjectRef } from "@/lib/http/workspace-action";
import { LlmConfigForm, type EditableLlmConfig } from "./llm-config-form";

const DESCRIPTION = "Ferry stores and validates these settings; it does not call the provider.";

export function NewLlmConfigButton({ projectRef }: { projectRef: ProjectRef }) {
  return (
    <NewItemButton
      label="New LLM config"
      description={DESCRIPTION}
      form={(close) => <LlmConfigForm projectRef={projectRef} onDone={close} />}
    />
  );
}

export function LlmConfigRowActions({
  projectRef,
  config,
  keyOnly,
}: {
  projectRef: ProjectRef;
  config: EditableLlmConfig;
  /** A reference project: only the API key can be entered; the rest follows the source. */
  keyOnly?: boolean;
}) {
  if (keyOnly)
    return (
      <div className="flex justify-end">
        <FormDialog
          title={`API key of ${config.name}`}
          description="This is a reference project: the config follows its source; only the API key is entered here."
          trigger={
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Enter the API key of ${config.name}`}
              title="Enter API key"
            >
              <KeyRoundIcon />
            </Button>
          }
        >
          {(close) => <LlmConfigForm projectRef={projectRef} existing={config} keyOnly onDone={close} />}
        </FormDialog>
      </div>
    );
  return (
    <EditDeleteButtons
      item={config.name}
      editTitle={`Edit LLM config ${config.name}`}
      description={DESCRIPTION}
      form={(close) => <LlmConfigForm projectRef={projectRef} existing={config} onDone={close} />}
      deleteTitle={`Delete LLM config ${config.name}?`}
      deleteDescription="The config and its encrypted API key are removed from the project. This cannot be undone."
      onDelete={() => deleteLlmConfigAction(projectRef, config.name)}
    />
  );
}
