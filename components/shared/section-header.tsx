import type { ReactNode } from "react";

/** A tab's heading (h2, or h1 on a page of its own), its one-line description and its main action. */
export function SectionHeader({
  id,
  title,
  description,
  action,
  level = 2,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <Heading id={id} className={level === 1 ? "text-2xl font-semibold tracking-tight" : "text-lg font-semibold"}>
          {title}
        </Heading>
        {description && <p className="text-sm text-muted-foreground">{description}</p>}
      </div>
      {action}
    </div>
  );
}
