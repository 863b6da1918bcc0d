"use client";

import { ChevronDownIcon, DownloadIcon, HistoryIcon } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogTrigger } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { formatUtc } from "@/lib/utils";
import { DownloadSnapshotDialog, snapshotDownloadUrl, type SnapshotRef } from "./download-snapshot-dialog";
import { RestoreDialog } from "./restore-dialog";

/**
 * A kept snapshot's actions: Download (credentials stripped; a tenant admin may also take them
 * under a passphrase) and, for tenant admins only, Restore…. Others see no restore control at all.
 */
export function SnapshotActions({
  projectRef,
  snapshot,
  tenantAdmin,
}: {
  projectRef: { tenantSlug: string; projectSlug: string };
  snapshot: { id: string; at: string };
  tenantAdmin: boolean;
}) {
  const [restoring, setRestoring] = useState(false);
  const [withCredentials, setWithCredentials] = useState(false);
  const downloadButton = useRef<HTMLButtonElement>(null);
  const target: SnapshotRef = { ...projectRef, snapshot };
  const when = formatUtc(new Date(snapshot.at));
  const href = snapshotDownloadUrl(target);

  return (
    <div className="flex flex-col items-end gap-1.5">
      {tenantAdmin ? (
        <>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button ref={downloadButton} variant="outline" size="sm" aria-label={`Download snapshot of ${when}`}>
                <DownloadIcon /> Download <ChevronDownIcon />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem asChild>
                <a href={href} download>
                  Without credentials
                </a>
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setWithCredentials(true)}>With credentials…</DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
          <DownloadSnapshotDialog
            target={target}
            open={withCredentials}
            onOpenChange={setWithCredentials}
            opener={() => downloadButton.current}
          />
          <RestoreDialog target={target} open={restoring} onOpenChange={setRestoring}>
            <DialogTrigger asChild>
              <Button variant="outline" size="sm" aria-label={`Restore… the snapshot of ${when}`}>
                <HistoryIcon /> Restore…
              </Button>
            </DialogTrigger>
          </RestoreDialog>
        </>
      ) : (
        <Button variant="outline" size="sm" asChild>
          <a href={href} download aria-label={`Download snapshot of ${when} (without credentials)`}>
            <DownloadIcon /> Download
          </a>
        </Button>
      )}
    </div>
  );
}
