"use client";

import { useSelectedLayoutSegment } from "next/navigation";
import { LinkTabs } from "@/components/ui/tabs";

const TABS = [
  { key: "models", segment: null, label: "Models" },
  { key: "connections", segment: "connections", label: "Connections" },
  { key: "llm", segment: "llm", label: "LLM configs" },
  { key: "agent", segment: "agent", label: "Agent" },
  { key: "recipes", segment: "recipes", label: "Recipes" },
  { key: "settings", segment: "settings", label: "Settings" },
  { key: "access", segment: "access", label: "Access" },
  { key: "history", segment: "history", label: "History", admin: true },
] as const;

/** The project's tabs; History only for those who may read it (project ADMINs, tenant admins). */
export function ProjectTabs({ base, admin }: { base: string; admin: boolean }) {
  const segment = useSelectedLayoutSegment();
  const active = segment === null || segment === "m" ? "models" : segment;
  return (
    <LinkTabs
      label="Project sections"
      active={active}
      tabs={TABS.filter((t) => admin || !("admin" in t)).map((t) => ({
        key: t.key,
        label: t.label,
        href: t.segment ? `${base}/${t.segment}` : base,
      }))}
    />
  );
}
