"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * How many of `total` rows to render: `step` at first, then `step` more per commit, each in a
 * transition. A long list (a hundred connection rows, each with its selects) then reaches the
 * screen in short main-thread tasks instead of one long commit and layout.
 */
export function useProgressiveCount(total: number, step: number): number {
  const [shown, setShown] = useState(() => Math.min(total, step));
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => startTransition(() => setShown((n) => Math.min(total, n + step))), 0);
    return () => clearTimeout(timer);
  }, [shown, total, step]);
  return Math.min(shown, total);
}
