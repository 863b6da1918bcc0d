import { z } from "zod";
import { checkNewPassphrase, newPassphraseFields } from "./passphrase";

// The Download with credentials dialog of a snapshot. The server validates again (downloadSnapshot).
export const snapshotDownloadSchema = z.object(newPassphraseFields).superRefine(checkNewPassphrase);

export type SnapshotDownloadValues = z.infer<typeof snapshotDownloadSchema>;
