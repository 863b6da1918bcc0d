import type { ReactNode } from "react";
import { SettingsHeader } from "@/components/settings/settings-header";
import { requirePageActor } from "@/lib/auth/session-actor";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <div className="flex min-h-screen flex-col">
      <SettingsHeader
        user={{ name: actor.name, email: actor.email }}
        hasWorkspace={actor.isSystemAdmin || actor.memberships.length > 0}
      />
      <main id="main-content" tabIndex={-1} className="outline-none mx-auto w-full max-w-5xl flex-1 p-6">
        {children}
      </main>
    </div>
  );
}
