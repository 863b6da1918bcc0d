"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { tenantHistoryAction } from "@/app/(workspace)/t/[tenant]/history/actions";
import { projectHistoryAction } from "@/app/(workspace)/t/[tenant]/p/[project]/history/actions";
import type { HistoryPageWithSnapshots } from "@/lib/history/mark-kept-snapshots";

/** A project's history, or (no projectSlug) the tenant's. */
export interface HistoryScope {
  tenantSlug: string;
  projectSlug?: string;
}

/** Every history query of a tenant starts with this key: invalidate it after a restore. */
export const historyKey = (scope: HistoryScope) => ["history", scope.tenantSlug, scope.projectSlug ?? null] as const;

/**
 * History pages, newest first: the first as the server rendered it, older ones as "Load older"
 * asks for them (the previous page's nextCursor).
 */
export function useHistory(scope: HistoryScope, first: HistoryPageWithSnapshots) {
  return useInfiniteQuery({
    queryKey: historyKey(scope),
    initialPageParam: undefined as string | undefined,
    initialData: { pages: [first], pageParams: [undefined] },
    queryFn: async ({ pageParam }) => {
      const result = scope.projectSlug
        ? await projectHistoryAction({ tenantSlug: scope.tenantSlug, projectSlug: scope.projectSlug }, pageParam)
        : await tenantHistoryAction(scope.tenantSlug, pageParam);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
