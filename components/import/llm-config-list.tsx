import { Badge } from "@/components/ui/badge";
import type { BundleSummary } from "@/lib/import/summarize-bundle";

/** The bundle's LLM configs: each arrives active with its key, or pending without one. */
export function LlmConfigList({ llmConfigs }: { llmConfigs: BundleSummary["llmConfigs"] }) {
  if (llmConfigs.length === 0) return null;
  return (
    <section aria-labelledby="llm-heading" className="grid gap-2">
      <h3 id="llm-heading" className="text-base font-semibold">
        LLM configs
      </h3>
      <ul className="grid gap-1 text-sm">
        {llmConfigs.map((l) => (
          <li key={l.name} className="flex items-center gap-2">
            <span className="font-medium">{l.name}</span>
            <span className="text-muted-foreground">
              {l.provider} · {l.model}
            </span>
            {l.credentials === "encrypted" ? (
              <Badge variant="success">arrives active</Badge>
            ) : (
              <Badge variant="warning">arrives pending (no API key)</Badge>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
