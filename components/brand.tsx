import { ShipIcon } from "lucide-react";

export function Brand({ className }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 font-semibold tracking-tight ${className ?? ""}`}>
      <ShipIcon className="size-5 text-primary" aria-hidden />
      Ferry
    </span>
  );
}
