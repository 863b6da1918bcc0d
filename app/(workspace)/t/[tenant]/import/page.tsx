import type { Metadata } from "next";
import { IMPORT_PROJECT_DESCRIPTION, ImportProjectPanel } from "@/components/import/import-project-panel";

export const metadata: Metadata = { title: "Import project" };

// A direct link or a reload: the wizard as a page. From the Explorer it opens as a dialog (@modal/(.)import).
export default async function ImportProjectPage({ params }: { params: Promise<{ tenant: string }> }) {
  return (
    <div className="grid max-w-5xl gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import project</h1>
        <p className="text-sm text-muted-foreground">{IMPORT_PROJECT_DESCRIPTION}</p>
      </div>
      <ImportProjectPanel tenantSlug={(await params).tenant} />
    </div>
  );
}
