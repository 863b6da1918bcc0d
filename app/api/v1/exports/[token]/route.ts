import { redeemExportTicket } from "@/lib/export/export-tickets";
import { apiRoute } from "@/lib/http/api-route";
import { attachmentResponse } from "@/lib/http/attachment-response";

// One-time download of an export prepared by the dialog's server action.
export const GET = apiRoute<{ token: string }>(async ({ actor, params }) => {
  const prepared = await redeemExportTicket({ actor, token: params.token });
  return attachmentResponse(prepared.open(), prepared.filename);
});
