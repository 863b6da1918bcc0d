import { ImportDialog } from "@/components/import/import-dialog";
import { IMPORT_PROJECT_DESCRIPTION, ImportProjectPanel } from "@/components/import/import-project-panel";

// Import Project from the Explorer's toolbar: the wizard in a dialog over the current page.
export default async function ImportProjectDialogPage({ params }: { params: Promise<{ tenant: string }> }) {
  return (
    <ImportDialog title="Import project" description={IMPORT_PROJECT_DESCRIPTION}>
      <ImportProjectPanel tenantSlug={(await params).tenant} />
    </ImportDialog>
  );
}
