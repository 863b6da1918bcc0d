"use client";

import { useMutation } from "@tanstack/react-query";
import { RocketIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deployAllAction } from "@/app/(workspace)/t/[tenant]/p/[project]/actions";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { notify } from "@/lib/notify";
import { plural } from "@/lib/utils";

/**
 * Deploy all (SPEC §12): every model an import listed, at the version live in its source, after a
 * confirmation that lists them when known. Without an importId, the project's latest import.
 */
export function DeployAllButton({
  tenantSlug,
  projectSlug,
  importId,
  models,
  onDeployed,
}: {
  tenantSlug: string;
  projectSlug: string;
  importId?: string;
  /** What the import listed to deploy (the result page knows; the project page does not). */
  models?: { model: string; version: number }[];
  onDeployed?: () => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const deploy = useMutation({
    mutationFn: async () => {
      const result = await deployAllAction({ tenantSlug, projectSlug }, importId);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: ({ deployed }) => {
      setOpen(false);
      notify.success(`Deployed ${plural(deployed.length, "model")}`, {
        description:
          deployed.length > 0
            ? deployed.map((d) => `${d.model} v${d.version}`).join(", ")
            : "Nothing to deploy: the import listed no live version that is still there.",
      });
      onDeployed?.();
      router.refresh();
    },
    onError: (error) => {
      setOpen(false);
      notify.error("Nothing was deployed", { description: error.message });
    },
  });

  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={deploy.isPending}>
          <RocketIcon /> {deploy.isPending ? "Deploying…" : "Deploy all"}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {models ? `Deploy ${plural(models.length, "model")}?` : "Deploy the models of the latest import?"}
          </AlertDialogTitle>
          <AlertDialogDescription>
            {models
              ? "Each at the version that was live in the bundle's source; they are served at these versions from now on."
              : "Each model the project's latest import listed goes live at the version that was live in the bundle's source."}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {models && models.length > 0 && (
          <ul className="grid max-h-60 gap-1 overflow-y-auto text-sm" aria-label="Models to deploy">
            {models.map((m) => (
              <li key={m.model}>
                <span className="font-mono">{m.model}</span> → version {m.version}
              </li>
            ))}
          </ul>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={deploy.isPending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            className="bg-primary text-primary-foreground hover:bg-primary/90"
            disabled={deploy.isPending}
            onClick={(event) => {
              event.preventDefault();
              deploy.mutate();
            }}
          >
            {deploy.isPending ? "Deploying…" : "Deploy all"}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
