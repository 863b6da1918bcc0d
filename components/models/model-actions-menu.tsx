"use client";

import { EllipsisVerticalIcon } from "lucide-react";
import { useRef, useState } from "react";
import { ExportDialog } from "@/components/export/export-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** A model's kebab (⋮): model-level actions for its editors. */
export function ModelActionsMenu({
  tenantSlug,
  projectSlug,
  projectName,
  model,
  tenantAdmin,
}: {
  tenantSlug: string;
  projectSlug: string;
  projectName: string;
  model: { slug: string; name: string };
  /** Only a tenant admin may include credentials in a model export. */
  tenantAdmin: boolean;
}) {
  const [exporting, setExporting] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="ghost" size="icon" aria-label={`Actions for model ${model.name}`}>
            <EllipsisVerticalIcon />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setExporting(true)}>Export Model…</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {exporting && (
        <ExportDialog
          open
          target={{ tenantSlug, projectSlug, displayName: projectName, model, tenantAdmin }}
          onOpenChange={setExporting}
          opener={() => trigger.current}
        />
      )}
    </>
  );
}
