"use client";

import { deleteLlmConfigAction } from "@/app/(workspace)/t/[tenant]/p/[project]/llm/actions";
import { EditDeleteButtons, NewItemButton } from "@/components/shared/item-actions";
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

export function LlmConfigRowActions({ projectRef, config }: { projectRef: ProjectRef; config: EditableLlmConfig }) {
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
