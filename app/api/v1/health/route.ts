import { checkDatabase } from "@/lib/database/check-database";
import { json, publicApiRoute } from "@/lib/http/api-route";

// Unauthenticated on purpose: load balancers and tests probe it before anyone signs in.
export const GET = publicApiRoute(async () => {
  await checkDatabase();
  return json({ status: "ok" });
});
