"use client";

import { useQuery } from "@tanstack/react-query";
import { listExportDependenciesAction } from "@/app/(workspace)/t/[tenant]/p/[project]/export-actions";
import { Alert } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";

type ModelRef = { tenantSlug: string; projectSlug: string; modelSlug: string };

/** The models a model joins to, transitively (one query, shared by the field and the dialog). */
export function useJoinedModels(modelRef: ModelRef | undefined) {
  return useQuery({
    queryKey: ["export-dependencies", modelRef?.tenantSlug, modelRef?.projectSlug, modelRef?.modelSlug],
    enabled: modelRef !== undefined,
    queryFn: async () => {
      const result = await listExportDependenciesAction(modelRef!);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
}

/** The models a model joins to (transitively); each is included unless unchecked. */
export function JoinedModelsField({
  modelRef,
  excluded,
  onExcludedChange,
}: {
  modelRef: ModelRef;
  excluded: string[];
  onExcludedChange: (excluded: string[]) => void;
}) {
  const joined = useJoinedModels(modelRef);

  if (joined.isPending) return <p className="text-sm text-muted-foreground">Looking up the models it joins to…</p>;
  if (joined.isError) return <Alert variant="destructive">{joined.error.message}</Alert>;
  if (joined.data.length === 0)
    return (
      <p className="text-sm text-muted-foreground">This model joins to no other model: the file holds it alone.</p>
    );

  const left = joined.data.filter((m) => excluded.includes(m.slug));
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Models it joins to</legend>
      <p className="text-xs text-muted-foreground">
        Included so the file imports into a project that has none of them.
      </p>
      {joined.data.map((model) => {
        const id = `joined-${model.slug}`;
        return (
          <div key={model.slug} className="flex items-start gap-2">
            <Checkbox
              id={id}
              checked={!excluded.includes(model.slug)}
              onCheckedChange={(checked) =>
                onExcludedChange(
                  checked === true ? excluded.filter((s) => s !== model.slug) : [...excluded, model.slug],
                )
              }
              aria-describedby={`${id}-hint`}
            />
            <div className="grid gap-0.5">
              <Label htmlFor={id}>{model.name}</Label>
              <p id={`${id}-hint`} className="text-xs text-muted-foreground">
                {model.slug} · joined by {model.neededBy.join(", ")}
              </p>
            </div>
          </div>
        );
      })}
      {left.length > 0 && (
        <Alert variant="warning">
          The target project must already have {left.map((m) => `“${m.slug}”`).join(", ")}: the import refuses joins to
          a model that is neither in the file nor in the project.
        </Alert>
      )}
    </fieldset>
  );
}
