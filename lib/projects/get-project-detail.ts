import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ProjectRole } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { providerName } from "@/lib/llm/provider-name";
import { listProjectModels, type ModelListItem } from "@/lib/models/list-project-models";
import type { ReferenceSource } from "./reference";
import { requireProject } from "./require-project";

export interface ProjectDetail {
  project: {
    tenant: string;
    slug: string;
    displayName: string;
    active: boolean;
    role: ProjectRole;
    /** A reference project's source (SPEC §13): read-only here; null for an ordinary project. */
    reference: ReferenceSource | null;
  };
  /** By natural key only: the model's database id stays on the server. */
  models: Omit<ModelListItem, "id">[];
  connections: { name: string; type: string; config: Prisma.JsonValue; status: string; hasSecret: boolean }[];
  llmConfigs: {
    name: string;
    provider: string;
    model: string;
    endpoint: string | null;
    params: Prisma.JsonValue;
    status: string;
    hasApiKey: boolean;
  }[];
  agent: {
    persona: string;
    rubrics: Prisma.JsonValue;
    modelContexts: Prisma.JsonValue;
    webhookUrl: string | null;
  } | null;
  recipes: { slug: string; name: string; definition: Prisma.JsonValue }[];
  settings: { key: string; value: Prisma.JsonValue }[];
  accessBindings: { email: string; role: ProjectRole; model: string | null }[];
}

/**
 * Everything a viewer of a project may read, by natural keys only (no database ids) and without
 * secrets: encrypted columns are never selected; whether a secret exists is asked with a filter.
 * A fixed number of queries, whatever the size of the project.
 */
export async function getProjectDetail(options: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
}): Promise<ProjectDetail> {
  const access = await requireProject({ ...options, minRole: "VIEWER" });
  const projectId = access.project.id;
  // A project's connections: those linked to it, and any its models reference (SPEC §2).
  const connectionWhere = {
    tenantId: access.tenant.id,
    OR: [{ projects: { some: { projectId } } }, { models: { some: { projectId } } }],
  };
  const [project, models, connections, connectionsWithSecret, llmConfigsWithKey] = await Promise.all([
    db.project.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        llmConfigs: {
          select: { name: true, provider: true, model: true, endpoint: true, params: true, status: true },
          orderBy: { name: "asc" },
        },
        agentConfig: { select: { persona: true, rubrics: true, modelContexts: true, webhookUrl: true } },
        recipes: { select: { slug: true, name: true, definition: true }, orderBy: { slug: "asc" } },
        settings: { select: { key: true, value: true }, orderBy: { key: "asc" } },
        accessBindings: {
          select: { role: true, user: { select: { email: true } }, model: { select: { slug: true } } },
        },
      },
    }),
    listProjectModels({ projectId }),
    db.connection.findMany({
      where: connectionWhere,
      select: { name: true, type: true, config: true, status: true },
      orderBy: { name: "asc" },
    }),
    db.connection.findMany({ where: { ...connectionWhere, secretEncrypted: { not: null } }, select: { name: true } }),
    db.llmConfig.findMany({ where: { projectId, apiKeyEncrypted: { not: null } }, select: { name: true } }),
  ]);
  const hasSecret = new Set(connectionsWithSecret.map((c) => c.name));
  const hasApiKey = new Set(llmConfigsWithKey.map((l) => l.name));
  const bindings = project.accessBindings.map((b) => ({
    email: b.user.email,
    role: b.role,
    model: b.model?.slug ?? null,
  }));
  bindings.sort(
    (a, b) =>
      a.email.localeCompare(b.email) || (a.model ?? "").localeCompare(b.model ?? "") || a.role.localeCompare(b.role),
  );
  return {
    project: {
      tenant: access.tenant.slug,
      slug: access.project.slug,
      displayName: access.project.displayName,
      active: access.project.active,
      role: access.role,
      reference: access.project.reference,
    },
    models: models.map(({ id: _id, ...model }) => model),
    connections: connections.map((c) => ({ ...c, hasSecret: hasSecret.has(c.name) })),
    llmConfigs: project.llmConfigs.map((l) => ({
      ...l,
      provider: providerName(l.provider),
      hasApiKey: hasApiKey.has(l.name),
    })),
    agent: project.agentConfig,
    recipes: project.recipes,
    settings: project.settings,
    accessBindings: bindings,
  };
}
