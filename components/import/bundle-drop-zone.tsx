"use client";

import { FileJsonIcon } from "lucide-react";
import { useId, useState, type DragEvent } from "react";
import { cn } from "@/lib/utils";

/** File picker with drag-and-drop for a bundle (.json). */
export function BundleDropZone({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      onDragOver={(event) => (event.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={cn(
        "grid place-items-center gap-2 rounded-lg border-2 border-dashed p-8 text-center",
        over ? "border-primary bg-accent" : "border-input",
      )}
    >
      <FileJsonIcon className="size-8 text-muted-foreground" aria-hidden />
      <label
        htmlFor={id}
        className="cursor-pointer text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        Choose project export file (.json)
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        disabled={busy}
        onChange={(event) => event.target.files?.[0] && onFile(event.target.files[0])}
      />
      <p className="text-xs text-muted-foreground">
        {busy
          ? "Reading and checking the file…"
          : "or drop it here. It is checked in your browser before anything is uploaded."}
      </p>
    </div>
  );
}
