import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ErrorBody } from "@/lib/errors";

/**
 * Shows a failed server action on its form: details naming a field of the form go inline under
 * that field; anything else becomes the form's alert (`errors.root.server`).
 */
export function applyActionError<T extends FieldValues>(form: UseFormReturn<T>, error: ErrorBody["error"]): void {
  const details = Array.isArray(error.details) ? (error.details as { path?: unknown; reason?: unknown }[]) : [];
  let placed = false;
  for (const detail of details) {
    if (typeof detail.path !== "string" || typeof detail.reason !== "string" || !detail.path) continue;
    if (form.getValues(detail.path as Path<T>) === undefined) continue;
    form.setError(detail.path as Path<T>, { type: "server", message: detail.reason }, { shouldFocus: !placed });
    placed = true;
  }
  if (!placed) form.setError("root.server", { type: "server", message: error.message });
}
