import { SecretBadge } from "@/components/shared/secret-badge";
import { LlmConfigRowActions, NewLlmConfigButton } from "@/components/llm-configs/llm-config-actions";
import { StatusBadge } from "@/components/models/status-badge";
import { EmptyState } from "@/components/shared/empty-state";
import { SectionHeader } from "@/components/shared/section-header";
import { Alert } from "@/components/ui/alert";
import { ListTableHeader } from "@/components/shared/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import { atLeast } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listLlmConfigs } from "@/lib/llm-configs/list-llm-configs";
import { pageProject } from "@/lib/projects/page-project";
import { canConfigure } from "@/lib/projects/require-project";
import { formatJson } from "@/lib/validations/json";
import { LLM_PROVIDER_LABELS } from "@/lib/validations/llm-config";

export default async function LlmConfigsPage({ params }: { params: Promise<{ tenant: string; project: string }> }) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  const configs = await listLlmConfigs({ projectId: access.project.id });
  // A reference project's configs are read-only, but their API keys can be entered (SPEC §13).
  const canEdit = canConfigure(access, "ADMIN");
  const canEnterKeys = atLeast(access.role, "ADMIN");
  const projectRef = { tenantSlug: tenant, projectSlug: project };
  return (
    <section aria-labelledby="llm-heading" className="grid gap-4">
      <SectionHeader
        id="llm-heading"
        title="LLM configs"
        description="Models the project's agent and judge would use."
        action={canEdit && <NewLlmConfigButton projectRef={projectRef} />}
      />
      <Alert variant="info">
        Ferry stores and validates LLM settings (provider, endpoint URL, parameters). It does not call LLM providers
        yet.
      </Alert>
      {configs.length === 0 ? (
        <EmptyState>This project has no LLM configs yet.</EmptyState>
      ) : (
        <Table>
          <ListTableHeader
            columns={["Name", "Provider", "Model", "Endpoint", "Parameters", "Status", "API key"]}
            actions={canEnterKeys}
          />
          <TableBody>
            {configs.map((config) => (
              <TableRow key={config.name}>
                <TableCell className="font-medium">{config.name}</TableCell>
                <TableCell>{LLM_PROVIDER_LABELS[config.provider]}</TableCell>
                <TableCell>{config.model}</TableCell>
                <TableCell className="max-w-48 truncate">
                  {config.endpoint ?? <span className="text-muted-foreground">default</span>}
                </TableCell>
                <TableCell>
                  <code className="text-xs">{formatJson(config.params)}</code>
                </TableCell>
                <TableCell>
                  <StatusBadge status={config.status} />
                </TableCell>
                <TableCell>
                  <SecretBadge set={config.hasApiKey} what="key" />
                </TableCell>
                {canEnterKeys && (
                  <TableCell>
                    <LlmConfigRowActions projectRef={projectRef} config={config} keyOnly={!canEdit} />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
