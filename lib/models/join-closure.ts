// Which models a model needs, following joins transitively (pure: the model export and its
// dialog use it on what list-joined-models reads). A model bundle carries the chosen model and,
// by default, this closure, so it imports into a project that has none of them.

export interface JoinedModel {
  slug: string;
  /** 1 for a model the chosen one joins to directly, 2 for a join of a join, … */
  depth: number;
  /** The included models that join to this one (for "needed by orders"). */
  neededBy: string[];
}

/**
 * The models reachable from `start` through `joins` (slug → slugs it joins to), breadth first,
 * without `start` itself; slugs absent from `joins` (not in the project) are left out.
 */
export function joinClosure(start: string, joins: ReadonlyMap<string, readonly string[]>): JoinedModel[] {
  const found = new Map<string, JoinedModel>();
  let frontier = [start];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const to of joins.get(from) ?? []) {
        if (to === start || !joins.has(to)) continue;
        const known = found.get(to);
        if (known) {
          if (!known.neededBy.includes(from)) known.neededBy.push(from);
          continue;
        }
        found.set(to, { slug: to, depth, neededBy: [from] });
        next.push(to);
      }
    }
    frontier = next;
  }
  return [...found.values()].sort((a, b) => a.depth - b.depth || (a.slug < b.slug ? -1 : 1));
}
