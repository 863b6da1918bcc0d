"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createProjectAction } from "@/app/(workspace)/t/[tenant]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createProjectSchema, type CreateProjectInput } from "@/lib/validations/project";

export function CreateProjectForm({ tenantSlug }: { tenantSlug: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CreateProjectInput>({
    resolver: zodResolver(createProjectSchema),
    defaultValues: { slug: "", displayName: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createProjectAction(tenantSlug, values);
    if (!result.ok) return setError(result.error.message);
    router.push(`/t/${tenantSlug}/p/${result.data.slug}`);
  });

  return (
    <Card className="max-w-xl">
      <CardHeader>
        <CardTitle>Create a project</CardTitle>
        <CardDescription>An empty project; add models, connections and settings afterwards.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="grid gap-3" noValidate>
          {error && <Alert variant="destructive">{error}</Alert>}
          <FormField id="new-project-name" label="Display name" error={errors.displayName?.message}>
            <Input {...form.register("displayName")} />
          </FormField>
          <FormField
            id="new-project-slug"
            label="Slug"
            hint="Lowercase letters, digits and dashes; used in URLs and bundles."
            error={errors.slug?.message}
          >
            <Input {...form.register("slug")} />
          </FormField>
          <div>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Creating…" : "Create project"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
