"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { storedImportAction, tickChecklistItemAction } from "@/app/(workspace)/t/[tenant]/p/[project]/history/actions";
import type { StoredImport } from "@/lib/history/history";
import { notify } from "@/lib/notify";

export interface StoredImportRef {
  tenantSlug: string;
  projectSlug: string;
  importId: string;
}

const storedImportKey = (ref: StoredImportRef) => ["stored-import", ref.tenantSlug, ref.projectSlug, ref.importId];

/** An import's stored result and checklist: first as the server rendered it, then refetched on demand. */
export function useStoredImport(ref: StoredImportRef, first: StoredImport) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: storedImportKey(ref),
    initialData: first,
    queryFn: async () => {
      const result = await storedImportAction(ref, ref.importId);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  return { query, refetch: () => client.invalidateQueries({ queryKey: storedImportKey(ref) }) };
}

/**
 * Ticks or unticks a checklist item: shown at once (who: you, when: now), rolled back if the
 * server refuses, and replaced by the server's answer when it comes.
 */
export function useTickChecklistItem(ref: StoredImportRef, me: string) {
  const client = useQueryClient();
  const key = storedImportKey(ref);
  return useMutation({
    mutationFn: async ({ item, done }: { item: number; done: boolean }) => {
      const result = await tickChecklistItemAction(ref, ref.importId, item, done);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onMutate: async ({ item, done }) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<StoredImport>(key);
      if (before)
        client.setQueryData<StoredImport>(key, {
          ...before,
          checklist: before.checklist.map((entry) =>
            entry.index === item
              ? { ...entry, done: done ? { by: me, at: new Date().toISOString(), auto: false } : null }
              : entry,
          ),
        });
      return { before };
    },
    onError: (error, _variables, context) => {
      if (context?.before) client.setQueryData(key, context.before);
      notify.error("The checklist was not updated", { description: error.message });
    },
    onSuccess: (stored) => client.setQueryData(key, stored),
  });
}
