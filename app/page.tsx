import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listActorTenants } from "@/lib/tenants/resolve-tenant";

export default async function Home() {
  const actor = await requirePageActor();
  const tenants = await listActorTenants({ actor });
  if (tenants.length === 0) redirect("/settings");
  redirect(`/t/${tenants[0]!.slug}`);
}
