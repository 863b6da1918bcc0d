import type { PlanCheck } from "./plan-in-browser";

// Kept apart from plan-in-browser.ts so the main thread can ask it without bundling the planner
// (which runs in the worker).
export function hasProblems(check: PlanCheck): boolean {
  return (
    check.projectSlug !== undefined ||
    Object.keys(check.models).length > 0 ||
    Object.keys(check.connections).length > 0 ||
    check.form !== undefined
  );
}
