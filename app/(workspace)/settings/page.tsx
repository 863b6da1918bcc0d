import type { Metadata } from "next";
import { AccessTokenTable } from "@/components/settings/access-token-table";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { Alert } from "@/components/ui/alert";
import { listAccessTokens } from "@/lib/auth/access-tokens";
import { requirePageActor } from "@/lib/auth/session-actor";

export const metadata: Metadata = { title: "Access tokens" };

export default async function SettingsPage() {
  const actor = await requirePageActor();
  const tokens = await listAccessTokens({ userId: actor.userId });
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Personal access tokens</h1>
        <p className="max-w-2xl text-sm text-muted-foreground">
          Tokens let scripts and the REST API act as you: send one as{" "}
          <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code> to{" "}
          <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs">/api/v1</code>. A token can do whatever you
          can; revoke it when it is no longer needed.
        </p>
      </div>
      {actor.memberships.length === 0 && !actor.isSystemAdmin && (
        <Alert variant="info">
          You are not a member of any tenant yet. Ask a tenant admin to add you; until then there is no workspace to
          open.
        </Alert>
      )}
      <CreateTokenForm />
      <section aria-labelledby="tokens-heading" className="grid gap-2">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Your tokens
        </h2>
        <AccessTokenTable tokens={tokens} />
      </section>
    </div>
  );
}
