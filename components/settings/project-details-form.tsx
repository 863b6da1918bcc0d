"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { updateProjectAction } from "@/app/(workspace)/t/[tenant]/p/[project]/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { applyActionError } from "@/lib/forms/apply-action-error";
import type { ProjectRef } from "@/lib/http/workspace-action";
import { updateProjectSchema, type UpdateProjectInput } from "@/lib/validations/project";

/** Display name and active flag; the slug is fixed (bundles and URLs use it). */
export function ProjectDetailsForm({ projectRef, project }: { projectRef: ProjectRef; project: UpdateProjectInput }) {
  const form = useForm<UpdateProjectInput>({
    resolver: zodResolver(updateProjectSchema, undefined, { raw: true }),
    defaultValues: project,
  });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await updateProjectAction(projectRef, values);
    if (result.ok) setSaved(true);
    else applyActionError(form, result.error);
  });

  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} className="grid gap-3" noValidate>
      <FormField id="project-display-name" label="Display name" error={errors.displayName?.message}>
        <Input {...form.register("displayName")} />
      </FormField>
      <FormField
        id="project-slug"
        label="Slug"
        hint="The slug cannot change: URLs and bundles refer to the project by it."
      >
        <Input value={projectRef.projectSlug} readOnly disabled />
      </FormField>
      <Controller
        control={form.control}
        name="active"
        render={({ field }) => (
          <div className="flex items-center gap-3">
            <Switch
              id="project-active"
              checked={field.value}
              onCheckedChange={(checked) => (field.onChange(checked), setSaved(false))}
            />
            <Label htmlFor="project-active">Active</Label>
            <span className="text-xs text-muted-foreground">
              Inactive projects stay visible and editable, marked as inactive.
            </span>
          </div>
        )}
      />
      {errors.root?.server && <Alert variant="destructive">{errors.root.server.message}</Alert>}
      {saved && <Alert variant="success">Project saved.</Alert>}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save project"}
        </Button>
      </div>
    </form>
  );
}
