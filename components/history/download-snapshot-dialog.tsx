"use client";

import { NewPassphraseFields } from "@/components/export/new-passphrase-fields";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { saveFile } from "@/components/export/use-export-download";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { notify } from "@/lib/notify";
import { formatBytes, formatUtc } from "@/lib/utils";
import { snapshotDownloadSchema, type SnapshotDownloadValues } from "@/lib/validations/snapshot-download";

export interface SnapshotRef {
  tenantSlug: string;
  projectSlug: string;
  snapshot: { id: string; at: string };
}

/** The snapshot's download address (GET: credentials stripped). */
export function snapshotDownloadUrl(ref: SnapshotRef): string {
  return `/api/v1/projects/${encodeURIComponent(ref.projectSlug)}/snapshots/${ref.snapshot.id}/download?tenant=${encodeURIComponent(ref.tenantSlug)}`;
}

const DEFAULTS: SnapshotDownloadValues = { passphrase: "", confirmPassphrase: "" };

/** Download a snapshot with its credentials re-encrypted under a passphrase (tenant admins). */
export function DownloadSnapshotDialog({
  target,
  open,
  onOpenChange,
  opener,
}: {
  target: SnapshotRef;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Focus returns here on close (the dialog opens from a menu item that is gone by then). */
  opener: () => HTMLElement | null | undefined;
}) {
  const form = useForm<SnapshotDownloadValues>({
    resolver: zodResolver(snapshotDownloadSchema),
    defaultValues: DEFAULTS,
  });
  const { errors } = form.formState;
  const download = useMutation({
    mutationFn: async (passphrase: string) => {
      const response = await fetch(snapshotDownloadUrl(target), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ includeCredentials: true, passphrase }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? "The download failed. Try again.");
      }
      const filename =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "snapshot.json";
      const blob = await response.blob();
      saveFile(blob, filename);
      return { filename, bytes: blob.size };
    },
    onSuccess: (file) =>
      notify.success(`Downloaded ${file.filename}`, {
        description: `${formatBytes(file.bytes)}; credentials encrypted under your passphrase.`,
      }),
  });

  const close = (next: boolean) => {
    if (!next) {
      form.reset(DEFAULTS);
      download.reset();
    }
    onOpenChange(next);
  };

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        aria-describedby="download-snapshot-description"
        onCloseAutoFocus={(event) => {
          const element = opener();
          if (!element) return;
          event.preventDefault();
          element.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>Download snapshot with credentials</DialogTitle>
          <DialogDescription id="download-snapshot-description">
            The project as it was at {formatUtc(new Date(target.snapshot.at))}, as a bundle file. Its connection secrets
            and LLM API keys are encrypted under a passphrase you choose; keep it apart from the file.
          </DialogDescription>
        </DialogHeader>
        {download.isSuccess ? (
          <div className="grid gap-3">
            <Alert variant="success">
              Your download has started: <span className="break-all font-mono">{download.data.filename}</span> (
              {formatBytes(download.data.bytes)}).
            </Alert>
            <DialogFooter>
              <Button onClick={() => close(false)}>Close</Button>
            </DialogFooter>
          </div>
        ) : (
          <form
            className="grid gap-4"
            noValidate
            onSubmit={form.handleSubmit((values) => download.mutate(values.passphrase))}
          >
            <NewPassphraseFields
              idPrefix="snapshot"
              passphrase={form.register("passphrase")}
              confirmPassphrase={form.register("confirmPassphrase")}
              errors={errors}
            />
            {download.isError && <Alert variant="destructive">{download.error.message}</Alert>}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={download.isPending}>
                {download.isPending ? "Preparing…" : "Download"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
