"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { duplicateProjectAction } from "@/app/(workspace)/t/[tenant]/p/[project]/duplicate-actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { notify } from "@/lib/notify";
import { slugSchema } from "@/lib/validations/slug";

const duplicateSchema = z.object({
  slug: slugSchema,
  displayName: z.string().trim().min(1, "Enter a display name.").max(200, "At most 200 characters."),
  tenant: z.string().min(1),
});
type DuplicateValues = z.infer<typeof duplicateSchema>;

/** A tenant a project may be duplicated into: one the user administers. */
export type DuplicateTarget = { slug: string; name: string };

/**
 * Duplicate project… (tenant admin): slug, display name and, for an admin of several tenants, the
 * tenant to copy into; everything is copied on the server.
 */
export function DuplicateProjectDialog({
  tenantSlug,
  targets,
  project,
  onOpenChange,
  opener,
}: {
  tenantSlug: string;
  /** The tenants this user administers, this one first: a choice appears when there are several. */
  targets: DuplicateTarget[];
  project: { slug: string; displayName: string };
  onOpenChange: (open: boolean) => void;
  opener?: () => HTMLElement | null | undefined;
}) {
  const router = useRouter();
  const form = useForm<DuplicateValues>({
    resolver: zodResolver(duplicateSchema),
    defaultValues: {
      slug: `${project.slug}-copy`.slice(0, 63),
      displayName: `${project.displayName} (copy)`,
      tenant: tenantSlug,
    },
  });
  const chosen = useWatch({ control: form.control, name: "tenant" });
  const elsewhere = chosen === tenantSlug ? null : (targets.find((t) => t.slug === chosen) ?? null);
  const duplicating = useMutation({
    mutationFn: async ({ tenant, ...values }: DuplicateValues) => {
      const answer = await duplicateProjectAction(
        { tenantSlug, projectSlug: project.slug },
        tenant === tenantSlug ? values : { ...values, tenant },
      );
      if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
      return answer.data;
    },
    onSuccess: (data, values) => {
      const into = values.tenant === tenantSlug ? null : targets.find((t) => t.slug === values.tenant);
      notify.success(`Duplicated as “${data.project.displayName}”${into ? ` in ${into.name}` : ""}`, {
        description: "Secrets were copied on the server. Deploy the models from the result's checklist.",
      });
      onOpenChange(false);
      router.push(data.project.href);
    },
    onError: (error: Error & { code?: string }) => {
      if (error.code === "SLUG_TAKEN" || error.code === "INVALID_SLUG")
        form.setError("slug", { message: error.message });
    },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => duplicating.mutate(values));
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent
        aria-describedby="duplicate-dialog-description"
        onCloseAutoFocus={(event) => {
          const element = opener?.();
          if (!element) return;
          event.preventDefault();
          element.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>Duplicate project “{project.displayName}”</DialogTitle>
          <DialogDescription id="duplicate-dialog-description">
            A new project with everything copied on the server: models and their history, LLM configs with their keys,
            agent, recipes, settings and access.{" "}
            {elsewhere
              ? `Connections come along: one of the same name and type in ${elsewhere.name} is used, the others are created there with their secrets re-encrypted under ${elsewhere.name}'s key.`
              : "It uses the same connections."}{" "}
            No passphrase needed.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          {targets.length > 1 && (
            <FormField id="duplicate-tenant" label="Tenant" hint="Tenants you administer.">
              <NativeSelect {...form.register("tenant")}>
                {targets.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name}
                    {t.slug === tenantSlug ? " (this tenant)" : ""}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          )}
          <FormField id="duplicate-slug" label="Slug" error={errors.slug?.message} hint="Its address: /p/<slug>.">
            <Input autoComplete="off" {...form.register("slug")} />
          </FormField>
          <FormField id="duplicate-display-name" label="Display name" error={errors.displayName?.message}>
            <Input autoComplete="off" {...form.register("displayName")} />
          </FormField>
          {duplicating.isError && !errors.slug && (
            <p role="alert" className="text-sm text-destructive">
              {duplicating.error.message}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={duplicating.isPending}>
              {duplicating.isPending ? "Duplicating…" : "Duplicate"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
