"use client";

import { EllipsisVerticalIcon, FolderIcon, MenuIcon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ExportDialog } from "@/components/export/export-dialog";
import { DuplicateProjectDialog, type DuplicateTarget } from "@/components/projects/duplicate-project-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export interface SidebarProject {
  slug: string;
  displayName: string;
  active: boolean;
  role: "ADMIN" | "EDITOR" | "VIEWER";
  modelCount: number;
  /** A reference project: its source in words. */
  referenceOf: string | null;
}

/** Past this many projects the list gets a filter box. */
const FILTER_THRESHOLD = 8;

/**
 * The Explorer's project list: a sidebar from md up; below that, a "Projects" button opening the
 * same list as a dialog, so the page keeps its width on a phone.
 */
export function ProjectSidebar(props: {
  tenantSlug: string;
  projects: SidebarProject[];
  canCreate: boolean;
  /** The tenants Duplicate project… may copy into (this one first); empty when not offered. */
  duplicateTargets: DuplicateTarget[];
}) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <>
      <div className="border-b px-4 py-2 md:hidden">
        <Button variant="outline" size="sm" onClick={() => setMenuOpen(true)}>
          <MenuIcon /> Projects
        </Button>
        <Dialog open={menuOpen} onOpenChange={setMenuOpen}>
          <DialogContent className="top-0 left-0 h-full max-h-none max-w-[85vw] translate-x-0 translate-y-0 content-start rounded-none">
            <DialogTitle>Projects</DialogTitle>
            <DialogDescription className="sr-only">Open a project or use its actions.</DialogDescription>
            {/* Following a link in the list closes the dialog. */}
            <div onClick={(event) => (event.target as Element).closest("a") && setMenuOpen(false)}>
              <ProjectList {...props} />
            </div>
          </DialogContent>
        </Dialog>
      </div>
      <aside aria-label="Projects" className="hidden w-64 shrink-0 border-r bg-muted/40 p-3 md:block">
        <ProjectList {...props} heading />
      </aside>
    </>
  );
}

function ProjectList({
  tenantSlug,
  projects,
  canCreate,
  duplicateTargets,
  heading = false,
}: {
  tenantSlug: string;
  projects: SidebarProject[];
  canCreate: boolean;
  duplicateTargets: DuplicateTarget[];
  heading?: boolean;
}) {
  const params = useParams<{ project?: string }>();
  const router = useRouter();
  const [exporting, setExporting] = useState<SidebarProject | null>(null);
  const [duplicating, setDuplicating] = useState<SidebarProject | null>(null);
  const [filter, setFilter] = useState("");
  // Each project's ⋮, to give focus back to when the export dialog it opened closes.
  const triggers = useRef(new Map<string, HTMLButtonElement>());
  // Two projects may share a display name (slugs are unique): show the slug to tell them apart.
  const repeated = new Set(projects.map((p) => p.displayName).filter((name, i, names) => names.indexOf(name) !== i));
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? projects.filter((p) => p.displayName.toLowerCase().includes(needle) || p.slug.includes(needle))
    : projects;
  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between px-1">
        {heading ? (
          <h2 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Projects</h2>
        ) : (
          <span />
        )}
        {canCreate && (
          <Button variant="ghost" size="icon" asChild>
            <Link href={`/t/${tenantSlug}?new=1`} aria-label="New project">
              <PlusIcon />
            </Link>
          </Button>
        )}
      </div>
      {projects.length > FILTER_THRESHOLD && (
        <Input
          type="search"
          aria-label="Filter projects"
          placeholder="Filter projects"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className="h-8"
        />
      )}
      {projects.length === 0 ? (
        <p className="px-1 text-sm text-muted-foreground">No projects you can see yet.</p>
      ) : shown.length === 0 ? (
        <p className="px-1 text-sm text-muted-foreground" role="status">
          No project matches “{filter}”.
        </p>
      ) : (
        <ul className="grid gap-0.5">
          {shown.map((project) => (
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
                <span className="grid min-w-0">
                  <span className="truncate">{project.displayName}</span>
                  {repeated.has(project.displayName) && (
                    <span className="truncate text-xs text-muted-foreground">{project.slug}</span>
                  )}
                </span>
                {project.referenceOf && (
                  <Badge
                    variant="info"
                    className="px-1.5 py-0 text-[10px]"
                    title={`Reference of ${project.referenceOf}`}
                  >
                    <span aria-hidden>Ref</span>
                    <span className="sr-only">Reference of {project.referenceOf}</span>
                  </Badge>
                )}
                <span className="ml-auto text-xs text-muted-foreground">{project.modelCount}</span>
              </Link>
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={`Actions for ${project.displayName}${repeated.has(project.displayName) ? ` (${project.slug})` : ""}`}
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
                  {canCreate && (
                    <DropdownMenuItem onSelect={() => setDuplicating(project)}>Duplicate project…</DropdownMenuItem>
                  )}
                  {project.role === "ADMIN" &&
                    (project.referenceOf ? (
                      // A reference project takes models only from its source's whole-project bundle.
                      <DropdownMenuItem disabled className="flex-col items-start gap-0">
                        Import Model…
                        <span className="text-xs">Read-only: a reference project</span>
                      </DropdownMenuItem>
                    ) : (
                      <DropdownMenuItem onSelect={() => router.push(`/t/${tenantSlug}/p/${project.slug}/import-model`)}>
                        Import Model…
                      </DropdownMenuItem>
                    ))}
                </DropdownMenuContent>
              </DropdownMenu>
            </li>
          ))}
        </ul>
      )}
      {duplicating && (
        <DuplicateProjectDialog
          tenantSlug={tenantSlug}
          targets={duplicateTargets}
          project={duplicating}
          onOpenChange={(open) => !open && setDuplicating(null)}
          opener={() => triggers.current.get(duplicating.slug)}
        />
      )}
      {exporting && (
        <ExportDialog
          open
          target={{
            tenantSlug,
            projectSlug: exporting.slug,
            displayName: exporting.displayName,
            tenantAdmin: canCreate,
          }}
          onOpenChange={(open) => !open && setExporting(null)}
          opener={() => triggers.current.get(exporting.slug)}
        />
      )}
    </div>
  );
}
