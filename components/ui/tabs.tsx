import Link from "next/link";
import * as React from "react";
import { cn } from "@/lib/utils";

/** Route-backed tabs: each tab is a link, so tabs are bookmarkable and server-rendered. */
export function LinkTabs({
  tabs,
  active,
  label,
}: {
  tabs: { href: string; label: string; key: string }[];
  active: string;
  label: string;
}) {
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto border-b">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === active ? "page" : undefined}
          className={cn(
            "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
            tab.key === active
              ? "border-primary text-foreground"
              : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
