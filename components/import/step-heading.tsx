"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A wizard step's heading. When the wizard moves to a new step it takes focus, so keyboard and
 * screen-reader users continue from the top of the new step instead of from the page's start.
 */
export function StepHeading({ children, focus, level = 2 }: { children: ReactNode; focus: boolean; level?: 2 | 3 }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const Tag = level === 2 ? "h2" : "h3";
  return (
    <Tag
      ref={ref}
      tabIndex={-1}
      className="text-base font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {children}
    </Tag>
  );
}
