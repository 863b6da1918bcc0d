"use client";

import { EllipsisVerticalIcon, FolderIcon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ExportDialog } from "@/components/export/export-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

export interface SidebarProject {
  slug: string;
  displayName: string;
  active: boolean;
  role: "ADMIN" | "EDITOR" | "VIEWER";
  modelCount: number;
}

export function ProjectSidebar({
  tenantSlug,
  projects,
  canCreate,
}: {
  tenantSlug: string;
  projects: SidebarProject[];
  canCreate: boolean;
}) {
  const params = useParams<{ project?: string }>();
  const router = useRouter();
  const [exporting, setExporting] = useState<SidebarProject | null>(null);
  // Each project's ⋮, to give focus back to when the export dialog it opened closes.
  const triggers = useRef(new Map<string, HTMLButtonElement>());
  return (
    <aside aria-label="Projects" className="w-64 shrink-0 border-r bg-muted/40 p-3">
      <div className="mb-2 flex items-center justify-between px-1">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Projects</h2>
        {canCreate && (
          <Button variant="ghost" size="icon" asChild>
            <Link href={`/t/${tenantSlug}?new=1`} aria-label="New project">
              <PlusIcon />
            </Link>
          </Button>
        )}
      </div>
      {projects.length === 0 ? (
        <p className="px-1 text-sm text-muted-foreground">No projects you can see yet.</p>
      ) : (
        <ul className="grid gap-0.5">
          {projects.map((project) => (
            <li
              key={project.slug}
              className={cn(
                "group flex items-center rounded-md",
                params.project === project.slug ? "bg-accent" : "hover:bg-accent/60",
              )}
            >
              <Link
                href={`/t/${tenantSlug}/p/${project.slug}`}
                className="flex min-w-0 flex-1 items-center gap-2 px-2 py-1.5 text-sm"
                aria-current={params.project === project.slug ? "page" : undefined}
              >
                <FolderIcon className="size-4 shrink-0 text-muted-foreground" />
                <span className="truncate">{project.displayName}</span>
                <span className="ml-auto text-xs text-muted-foreground">{project.modelCount}</span>
              </Link>
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={`Actions for ${project.displayName}`}
                    ref={(element) => {
                      if (element) triggers.current.set(project.slug, element);
                      else triggers.current.delete(project.slug);
                    }}
                  >
                    <EllipsisVerticalIcon />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="start">
                  <DropdownMenuItem onSelect={() => router.push(`/t/${tenantSlug}/p/${project.slug}`)}>
                    Open
                  </DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => router.push(`/t/${tenantSlug}/p/${project.slug}/settings`)}>
                    Settings
                  </DropdownMenuItem>
                  {project.role === "ADMIN" && (
                    <DropdownMenuItem onSelect={() => setExporting(project)}>Export Project…</DropdownMenuItem>
                  )}
                  {project.role === "ADMIN" && (
                    <DropdownMenuItem onSelect={() => router.push(`/t/${tenantSlug}/p/${project.slug}/import-model`)}>
                      Import Model…
                    </DropdownMenuItem>
                  )}
                </DropdownMenuContent>
              </DropdownMenu>
            </li>
          ))}
        </ul>
      )}
      {exporting && (
        <ExportDialog
          open
          target={{ tenantSlug, projectSlug: exporting.slug, displayName: exporting.displayName }}
          onOpenChange={(open) => !open && setExporting(null)}
          opener={() => triggers.current.get(exporting.slug)}
        />
      )}
    </aside>
  );
}
