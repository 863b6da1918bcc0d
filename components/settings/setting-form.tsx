"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { saveSettingAction } from "@/app/(workspace)/t/[tenant]/p/[project]/settings/actions";
import { FormFooter } from "@/components/shared/form-footer";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { applyActionError } from "@/lib/forms/apply-action-error";
import type { ProjectRef } from "@/lib/http/workspace-action";
import { settingInputSchema, type SettingFormValues } from "@/lib/validations/setting";

export function SettingForm({
  projectRef,
  existing,
  onDone,
}: {
  projectRef: ProjectRef;
  existing?: { key: string; value: unknown };
  onDone: () => void;
}) {
  const form = useForm<SettingFormValues>({
    resolver: zodResolver(settingInputSchema, undefined, { raw: true }),
    defaultValues: { key: existing?.key ?? "", value: existing ? JSON.stringify(existing.value, null, 2) : "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveSettingAction(projectRef, existing?.key ?? null, values);
    if (result.ok) onDone();
    else applyActionError(form, result.error);
  });

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate>
      <FormField
        id="setting-key"
        label="Key"
        hint="Unique in the project, up to 200 characters (e.g. timezone or cache.ttlSeconds)."
        error={errors.key?.message}
      >
        <Input autoComplete="off" {...form.register("key")} />
      </FormField>
      <FormField
        id="setting-value"
        label="Value (JSON)"
        hint='Any JSON: "Europe/Paris" (text needs quotes), 900, true, ["a", "b"] or {"a": 1}.'
        error={errors.value?.message}
      >
        <Textarea className="min-h-24 font-mono text-xs" spellCheck={false} {...form.register("value")} />
      </FormField>
      <FormFooter
        error={errors.root?.server?.message}
        pending={isSubmitting}
        submitLabel={existing ? "Save setting" : "Add setting"}
        pendingLabel={existing ? "Saving…" : "Adding…"}
      />
    </form>
  );
}
