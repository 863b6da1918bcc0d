import { exportResponse } from "@/lib/export/export-response";
import { redeemExportTicket } from "@/lib/export/export-tickets";
import { apiRoute } from "@/lib/http/api-route";

// One-time download of an export prepared by the dialog's server action.
export const GET = apiRoute<{ token: string }>(async ({ actor, params }) => {
  const prepared = await redeemExportTicket({ actor, token: params.token });
  return exportResponse(prepared);
});
