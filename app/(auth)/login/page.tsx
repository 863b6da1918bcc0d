import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Brand } from "@/components/brand";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionActor } from "@/lib/auth/session-actor";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await getSessionActor()) redirect("/");
  return (
    <main
      id="main-content"
      tabIndex={-1}
      className="outline-none flex min-h-screen items-center justify-center bg-muted p-4"
    >
      <div className="w-full max-w-sm rounded-lg border bg-background p-6 shadow-sm">
        <div className="mb-6">
          <Brand className="text-2xl" />
          <h1 className="mt-1 text-sm text-muted-foreground">Sign in to your workspace</h1>
        </div>
        <LoginForm />
      </div>
    </main>
  );
}
