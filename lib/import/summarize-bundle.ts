import type { Bundle, BundleCredentials } from "@/lib/bundle/schema";
import { GENERIC_SECTIONS, type OptionalSection } from "@/lib/bundle/sections";

// What the wizard's first step and the preview API show about a bundle (pure: runs in the
// browser's worker too).

export type CredentialState = "encrypted" | "stripped" | "none";

export interface BundleSummary {
  scope: Bundle["scope"];
  project: Bundle["project"];
  source: { tenant: string; instance: string; exportedBy: string; exportedAt: string | null };
  sections: string[];
  credentialsIncluded: boolean;
  /** Models and their history, then each optional section's item count (the agent: 0 or 1). */
  counts: { models: number; versions: number; aggregates: number; pockets: number } & Record<OptionalSection, number>;
  models: { slug: string; name: string; connection: string | null; versions: number; deployedVersion: number | null }[];
  connections: { name: string; type: string; credentials: CredentialState }[];
  llmConfigs: { name: string; provider: string; model: string; credentials: CredentialState }[];
  hasAgent: boolean;
}

export function credentialState(credentials: BundleCredentials): CredentialState {
  return typeof credentials === "object" ? "encrypted" : credentials;
}

export function summarizeBundle(bundle: Bundle): BundleSummary {
  const models = bundle.models;
  return {
    scope: bundle.scope,
    project: bundle.project,
    source: {
      tenant: bundle.meta.source.tenant,
      instance: bundle.meta.source.instance,
      exportedBy: bundle.meta.exportedBy,
      exportedAt: bundle.meta.exportedAt ?? null,
    },
    sections: ["models", ...bundle.sections],
    credentialsIncluded: bundle.encryption !== undefined,
    counts: {
      models: models.length,
      versions: models.reduce((n, m) => n + m.versions.length, 0),
      aggregates: models.reduce((n, m) => n + m.aggregates.length, 0),
      pockets: models.reduce((n, m) => n + m.pockets.length, 0),
      ...sectionCounts(bundle),
    },
    models: models.map((m) => ({
      slug: m.slug,
      name: m.name,
      connection: m.connection,
      versions: m.versions.length,
      deployedVersion: m.deployedVersion,
    })),
    connections: (bundle.connections ?? []).map((c) => ({
      name: c.name,
      type: c.type,
      credentials: credentialState(c.credentials),
    })),
    llmConfigs: (bundle.llmConfigs ?? []).map((l) => ({
      name: l.name,
      provider: l.provider,
      model: l.model,
      credentials: credentialState(l.credentials),
    })),
    hasAgent: bundle.agent !== undefined && bundle.agent !== null,
  };
}

function sectionCounts(bundle: Bundle): Record<OptionalSection, number> {
  const counts: Partial<Record<OptionalSection, number>> = {};
  for (const section of GENERIC_SECTIONS) {
    if (section.key !== "models") counts[section.key] = section.items(bundle[section.key]).length;
  }
  return counts as Record<OptionalSection, number>;
}
