import { AgentConfigForm } from "@/components/agent/agent-config-form";
import { AgentConfigView } from "@/components/agent/agent-config-view";
import { SectionHeader } from "@/components/shared/section-header";
import { Alert } from "@/components/ui/alert";
import { getAgentConfig } from "@/lib/agent/get-agent-config";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listModelOptions } from "@/lib/models/list-model-options";
import { pageProject } from "@/lib/projects/page-project";
import { canConfigure } from "@/lib/projects/require-project";

export default async function AgentPage({ params }: { params: Promise<{ tenant: string; project: string }> }) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  const canEdit = canConfigure(access, "ADMIN");
  const [config, models] = await Promise.all([
    getAgentConfig({ projectId: access.project.id }),
    canEdit ? listModelOptions({ projectId: access.project.id }) : [],
  ]);
  return (
    <section aria-labelledby="agent-heading" className="grid max-w-4xl gap-4">
      <SectionHeader
        id="agent-heading"
        title="Agent"
        description="Persona, judge rubrics and model contexts of the project's agent."
      />
      <Alert variant="info">
        Ferry keeps the agent&apos;s configuration with the project and moves it in bundles. It does not run the agent
        or call LLM providers yet.
      </Alert>
      {canEdit ? (
        <AgentConfigForm projectRef={{ tenantSlug: tenant, projectSlug: project }} config={config} models={models} />
      ) : (
        <AgentConfigView config={config} />
      )}
    </section>
  );
}
