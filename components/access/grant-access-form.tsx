"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { grantAccessAction } from "@/app/(workspace)/t/[tenant]/p/[project]/access/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { applyActionError } from "@/lib/forms/apply-action-error";
import type { ProjectRef } from "@/lib/http/workspace-action";
import type { ModelOption } from "@/lib/models/list-model-options";
import { grantAccessSchema, PROJECT_ROLES, type GrantAccessFormValues } from "@/lib/validations/access";

export function GrantAccessForm({ projectRef, models }: { projectRef: ProjectRef; models: ModelOption[] }) {
  const form = useForm<GrantAccessFormValues>({
    resolver: zodResolver(grantAccessSchema, undefined, { raw: true }),
    defaultValues: { email: "", role: "VIEWER", modelSlug: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const [granted, setGranted] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setGranted(null);
    const result = await grantAccessAction(projectRef, values);
    if (!result.ok) return applyActionError(form, result.error);
    setGranted(
      `${values.email.trim()} is now ${values.role} of ${values.modelSlug ? `model ${values.modelSlug}` : "the project"}.`,
    );
    form.reset();
  });

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate>
      <div className="grid items-start gap-3 sm:grid-cols-[1fr_9rem_14rem]">
        <FormField id="grant-email" label="Email" hint="A member of this tenant." error={errors.email?.message}>
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </FormField>
        <FormField id="grant-role" label="Role" error={errors.role?.message}>
          <NativeSelect {...form.register("role")}>
            {PROJECT_ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="grant-scope" label="Scope" error={errors.modelSlug?.message}>
          <NativeSelect {...form.register("modelSlug")}>
            <option value="">Whole project</option>
            {models.map((m) => (
              <option key={m.slug} value={m.slug}>
                Model: {m.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      {errors.root?.server && <Alert variant="destructive">{errors.root.server.message}</Alert>}
      {granted && <Alert variant="success">{granted}</Alert>}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Granting…" : "Grant access"}
        </Button>
      </div>
    </form>
  );
}
