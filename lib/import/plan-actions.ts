// The actions a plan gives an item (SPEC §11), in the order plans count them. A module of its own,
// with no imports, so the wizard's review step can name them without bundling the planner.

export const PLAN_ACTIONS = ["create", "update", "delete", "unchanged", "skip", "unlink", "link", "keep"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
