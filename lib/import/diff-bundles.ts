import type { Bundle } from "@/lib/bundle/schema";
import { planChanges, type PlanChanges } from "./plan-changes";

// The semantic difference between two bundles (CLI `diff`, a git diff driver): what importing
// `after` in replace mode over a project exported as `before` would change, item by item and path
// by path — the same rows and symbols as a plan. Pure.

export function diffBundles(before: Bundle, after: Bundle): PlanChanges {
  return planChanges({
    mode: "replace",
    scope: "project",
    bundle: after,
    project: { displayName: after.project.displayName, active: after.project.active },
    target: {
      project: { displayName: before.project.displayName, active: before.project.active },
      connections: [],
      sections: Object.fromEntries(
        Object.entries(before).filter(([key]) => key !== "project" && key !== "meta"),
      ) as Partial<Record<string, unknown>>,
    },
    connections: [],
    implicitConnections: [],
    bindings: (after.accessBindings ?? []).map((b) => ({ email: b.user.toLowerCase(), role: b.role, model: b.model })),
    skippedBindings: [],
    bundles: true,
  });
}
