"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { saveLlmConfigAction } from "@/app/(workspace)/t/[tenant]/p/[project]/llm/actions";
import { CheckboxField, credentialHint } from "@/components/shared/checkbox-field";
import { FormFooter } from "@/components/shared/form-footer";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { applyActionError } from "@/lib/forms/apply-action-error";
import type { ProjectRef } from "@/lib/http/workspace-action";
import {
  ENDPOINT_REQUIRED,
  LLM_PROVIDER_LABELS,
  LLM_PROVIDERS,
  llmConfigFormDefaults,
  llmConfigInputSchema,
  type LlmConfigFormValues,
  type LlmProviderName,
} from "@/lib/validations/llm-config";

export interface EditableLlmConfig {
  name: string;
  provider: LlmProviderName;
  model: string;
  endpoint: string | null;
  params: Record<string, unknown>;
  hasApiKey: boolean;
}

export function LlmConfigForm({
  projectRef,
  existing,
  keyOnly,
  onDone,
}: {
  projectRef: ProjectRef;
  existing?: EditableLlmConfig;
  /** Only the API key (a reference project): the other fields are sent back as they are. */
  keyOnly?: boolean;
  onDone: () => void;
}) {
  const form = useForm<LlmConfigFormValues>({
    resolver: zodResolver(llmConfigInputSchema, undefined, { raw: true }),
    defaultValues: llmConfigFormDefaults(existing),
  });
  const { errors, isSubmitting } = form.formState;
  const provider = useWatch({ control: form.control, name: "provider" });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveLlmConfigAction(projectRef, existing?.name ?? null, values);
    if (result.ok) onDone();
    else applyActionError(form, result.error);
  });

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate>
      {keyOnly && existing ? (
        <p className="text-sm text-muted-foreground">
          {LLM_PROVIDER_LABELS[existing.provider]} · {existing.model}
          {existing.endpoint ? ` · ${existing.endpoint}` : ""}
        </p>
      ) : (
        <LlmConfigFields form={form} provider={provider} />
      )}
      <FormField
        id="llm-api-key"
        label="API key"
        hint={credentialHint(!!existing?.hasApiKey, "key")}
        error={errors.apiKey?.message}
      >
        <Input type="password" autoComplete="new-password" {...form.register("apiKey")} />
      </FormField>
      {existing?.hasApiKey && !keyOnly && (
        <CheckboxField
          control={form.control}
          name="clearApiKey"
          id="llm-clear-api-key"
          label="Clear the stored API key (the config becomes pending credentials)"
        />
      )}
      <FormFooter
        error={errors.root?.server?.message}
        pending={isSubmitting}
        submitLabel={keyOnly ? "Save API key" : existing ? "Save LLM config" : "Create LLM config"}
        pendingLabel={existing ? "Saving…" : "Creating…"}
      />
    </form>
  );
}

function LlmConfigFields({ form, provider }: { form: UseFormReturn<LlmConfigFormValues>; provider: LlmProviderName }) {
  const { errors } = form.formState;
  return (
    <>
      <FormField
        id="llm-name"
        label="Name"
        hint="Unique in the project, e.g. primary or judge."
        error={errors.name?.message}
      >
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <div className="grid items-start gap-3 sm:grid-cols-2">
        <FormField id="llm-provider" label="Provider" error={errors.provider?.message}>
          <NativeSelect {...form.register("provider")}>
            {LLM_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {LLM_PROVIDER_LABELS[p]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="llm-model" label="Model" error={errors.model?.message}>
          <Input placeholder="e.g. gpt-4.1" autoComplete="off" {...form.register("model")} />
        </FormField>
      </div>
      <FormField
        id="llm-endpoint"
        label={ENDPOINT_REQUIRED.includes(provider) ? "Endpoint URL" : "Endpoint URL (optional)"}
        hint={
          ENDPOINT_REQUIRED.includes(provider)
            ? `Required for ${LLM_PROVIDER_LABELS[provider]}.`
            : "Leave blank for the provider's default endpoint."
        }
        error={errors.endpoint?.message}
      >
        <Input type="url" placeholder="https://" autoComplete="off" {...form.register("endpoint")} />
      </FormField>
      <FormField
        id="llm-params"
        label="Parameters (JSON)"
        hint="temperature from 0 to 2, maxTokens a positive whole number; other keys are kept as given."
        error={errors.params?.message}
      >
        <Textarea className="min-h-24 font-mono text-xs" spellCheck={false} {...form.register("params")} />
      </FormField>
    </>
  );
}
