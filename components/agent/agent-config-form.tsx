"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PlusIcon, XIcon } from "lucide-react";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { saveAgentConfigAction } from "@/app/(workspace)/t/[tenant]/p/[project]/agent/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { AgentConfigView } from "@/lib/agent/get-agent-config";
import { applyActionError } from "@/lib/forms/apply-action-error";
import type { ProjectRef } from "@/lib/http/workspace-action";
import type { ModelOption } from "@/lib/models/list-model-options";
import { agentConfigInputSchema, type AgentConfigFormValues } from "@/lib/validations/agent-config";

const rowLabel = (prefix: string, label: string) => (
  <>
    <span className="sr-only">{prefix} </span>
    {label}
  </>
);

export function AgentConfigForm({
  projectRef,
  config,
  models,
}: {
  projectRef: ProjectRef;
  config: AgentConfigView | null;
  models: ModelOption[];
}) {
  const form = useForm<AgentConfigFormValues>({
    resolver: zodResolver(agentConfigInputSchema, undefined, { raw: true }),
    defaultValues: {
      persona: config?.persona ?? "",
      rubrics: config?.rubrics ?? [],
      modelContexts: config?.modelContexts ?? [],
      webhookUrl: config?.webhookUrl ?? "",
    },
  });
  const rubrics = useFieldArray({ control: form.control, name: "rubrics" });
  const contexts = useFieldArray({ control: form.control, name: "modelContexts" });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await saveAgentConfigAction(projectRef, values);
    if (result.ok) setSaved(true);
    else applyActionError(form, result.error);
  });

  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} className="grid gap-4" noValidate>
      <Card>
        <CardHeader>
          <CardTitle as="h3">Persona</CardTitle>
          <CardDescription>How the agent introduces itself and answers.</CardDescription>
        </CardHeader>
        <CardContent>
          <FormField
            id="agent-persona"
            label={<span className="sr-only">Persona</span>}
            error={errors.persona?.message}
          >
            <Textarea className="min-h-24" {...form.register("persona")} />
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h3">Judge rubrics</CardTitle>
          <CardDescription>What the judge scores answers on; each weight is between 0 and 1.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {rubrics.fields.length === 0 && <p className="text-sm text-muted-foreground">No rubrics yet.</p>}
          {rubrics.fields.map((field, index) => (
            <div
              key={field.id}
              role="group"
              aria-labelledby={`rubric-${index}-title`}
              className="grid gap-2 rounded-md border p-3"
            >
              <div className="flex items-center justify-between">
                <h4 id={`rubric-${index}-title`} className="text-sm font-medium">
                  Rubric {index + 1}
                </h4>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove rubric ${index + 1}`}
                  onClick={() => rubrics.remove(index)}
                >
                  <XIcon />
                </Button>
              </div>
              <div className="grid items-start gap-2 sm:grid-cols-[1fr_8rem]">
                <FormField
                  id={`rubric-${index}-name`}
                  label={rowLabel(`Rubric ${index + 1}`, "Name")}
                  error={errors.rubrics?.[index]?.name?.message}
                >
                  <Input {...form.register(`rubrics.${index}.name`)} />
                </FormField>
                <FormField
                  id={`rubric-${index}-weight`}
                  label={rowLabel(`Rubric ${index + 1}`, "Weight")}
                  error={errors.rubrics?.[index]?.weight?.message}
                >
                  <Input
                    type="number"
                    step="0.05"
                    min={0}
                    max={1}
                    {...form.register(`rubrics.${index}.weight`, { valueAsNumber: true })}
                  />
                </FormField>
              </div>
              <FormField
                id={`rubric-${index}-criteria`}
                label={rowLabel(`Rubric ${index + 1}`, "Criteria")}
                error={errors.rubrics?.[index]?.criteria?.message}
              >
                <Textarea className="min-h-14" {...form.register(`rubrics.${index}.criteria`)} />
              </FormField>
            </div>
          ))}
          <div>
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => rubrics.append({ name: "", criteria: "", weight: 0.5 })}
            >
              <PlusIcon /> Add rubric
            </Button>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h3">Model contexts</CardTitle>
          <CardDescription>Extra context the agent gets about a model of this project.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {contexts.fields.length === 0 && <p className="text-sm text-muted-foreground">No model contexts yet.</p>}
          {contexts.fields.map((field, index) => (
            <div
              key={field.id}
              role="group"
              aria-label={`Model context ${index + 1}`}
              className="grid gap-2 rounded-md border p-3 sm:grid-cols-[16rem_1fr_auto] sm:items-start"
            >
              <FormField
                id={`context-${index}-model`}
                label={rowLabel(`Context ${index + 1}`, "Model")}
                error={errors.modelContexts?.[index]?.model?.message}
              >
                <NativeSelect {...form.register(`modelContexts.${index}.model`)}>
                  <option value="">Choose a model…</option>
                  {models.map((m) => (
                    <option key={m.slug} value={m.slug}>
                      {m.name} ({m.slug})
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
              <FormField
                id={`context-${index}-text`}
                label={rowLabel(`Context ${index + 1}`, "Context")}
                error={errors.modelContexts?.[index]?.context?.message}
              >
                <Textarea className="min-h-9" {...form.register(`modelContexts.${index}.context`)} />
              </FormField>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="sm:mt-6"
                aria-label={`Remove model context ${index + 1}`}
                onClick={() => contexts.remove(index)}
              >
                <XIcon />
              </Button>
            </div>
          ))}
          <div>
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={models.length === 0}
              onClick={() => contexts.append({ model: "", context: "" })}
            >
              <PlusIcon /> Add model context
            </Button>
            {models.length === 0 && (
              <p className="pt-1 text-xs text-muted-foreground">This project has no models to describe yet.</p>
            )}
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h3">Webhook</CardTitle>
          <CardDescription>
            Where agent events would be posted. Ferry stores the URL; it does not call it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <FormField id="agent-webhook" label="Webhook URL (optional)" error={errors.webhookUrl?.message}>
            <Input type="url" placeholder="https://hooks.example.com/ferry" {...form.register("webhookUrl")} />
          </FormField>
        </CardContent>
      </Card>

      {errors.root?.server && <Alert variant="destructive">{errors.root.server.message}</Alert>}
      {saved && <Alert variant="success">Agent configuration saved.</Alert>}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : config ? "Save agent configuration" : "Create agent configuration"}
        </Button>
      </div>
    </form>
  );
}
