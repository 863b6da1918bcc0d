"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import type { ImportOptions } from "@/lib/import/import-options";
import type { BundleWorkerClient } from "./bundle-worker";
import type { PlanCheck, WizardTarget } from "./plan-in-browser";

const EDIT_PAUSE_MS = 200;

/**
 * The planner's verdict on the options being edited, as a query keyed by the bundle, the target
 * and the options (a pause in typing, not every keystroke, starts a run in the worker). `checkNow`
 * answers for exact options, for the Import button.
 */
export function usePlanCheck(
  worker: BundleWorkerClient,
  bundleId: number,
  target: WizardTarget,
  options: ImportOptions,
) {
  const client = useQueryClient();
  const settled = useSettled(options, EDIT_PAUSE_MS);
  const query = (values: ImportOptions) => {
    // The planner never reads the passphrase: keep it out of the query cache.
    const { passphrase: _passphrase, ...planned } = values;
    return {
      queryKey: ["import-plan", bundleId, target, planned],
      queryFn: () => worker.plan(planned, target),
      staleTime: Infinity,
      gcTime: 60_000,
      retry: false,
    };
  };
  const check = useQuery({ ...query(settled), placeholderData: keepPreviousData });
  return {
    check: check.data,
    /** The verdict is about the options as they are now (not an earlier edit's, kept while checking). */
    current: !check.isPlaceholderData && JSON.stringify(settled) === JSON.stringify(options),
    checkNow: (values: ImportOptions): Promise<PlanCheck> => client.fetchQuery(query(values)),
  };
}

/** The value once it has not changed for `delay` ms (compared by content: form values are fresh objects). */
function useSettled<T>(value: T, delay: number): T {
  const text = JSON.stringify(value);
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delay);
    return () => clearTimeout(timer);
  }, [text, delay]);
  return useMemo(() => JSON.parse(settled) as T, [settled]);
}
