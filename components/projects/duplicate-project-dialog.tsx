"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
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
import { notify } from "@/lib/notify";
import { slugSchema } from "@/lib/validations/slug";

const duplicateSchema = z.object({
  slug: slugSchema,
  displayName: z.string().trim().min(1, "Enter a display name.").max(200, "At most 200 characters."),
});
type DuplicateValues = z.infer<typeof duplicateSchema>;

/** Duplicate project… (tenant admin): slug and display name; everything is copied on the server. */
export function DuplicateProjectDialog({
  tenantSlug,
  project,
  onOpenChange,
  opener,
}: {
  tenantSlug: string;
  project: { slug: string; displayName: string };
  onOpenChange: (open: boolean) => void;
  opener?: () => HTMLElement | null | undefined;
}) {
  const router = useRouter();
  const form = useForm<DuplicateValues>({
    resolver: zodResolver(duplicateSchema),
    defaultValues: { slug: `${project.slug}-copy`.slice(0, 63), displayName: `${project.displayName} (copy)` },
  });
  const duplicating = useMutation({
    mutationFn: async (values: DuplicateValues) => {
      const answer = await duplicateProjectAction({ tenantSlug, projectSlug: project.slug }, values);
      if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
      return answer.data;
    },
    onSuccess: (data) => {
      notify.success(`Duplicated as “${data.project.displayName}”`, {
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
            agent, recipes, settings and access. It uses the same connections. No passphrase needed.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
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
