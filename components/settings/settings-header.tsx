import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Brand } from "@/components/brand";
import { ThemeMenu } from "@/components/theme/theme-menu";
import { Button } from "@/components/ui/button";

/** Header of the account pages, which live outside any tenant (a user may belong to none yet). */
export function SettingsHeader({
  user,
  hasWorkspace,
}: {
  user: { name: string; email: string };
  hasWorkspace: boolean;
}) {
  return (
    <header className="flex h-14 items-center gap-3 border-b bg-background px-4">
      <Link href="/" className="text-lg font-semibold tracking-tight">
        <Brand />
      </Link>
      {hasWorkspace && (
        <Button variant="ghost" size="sm" asChild>
          <Link href="/">
            <ArrowLeftIcon /> Back to workspace
          </Link>
        </Button>
      )}
      <p className="ml-auto text-sm text-muted-foreground">
        Signed in as <span className="font-medium text-foreground">{user.name}</span> ({user.email})
      </p>
      <ThemeMenu />
      <SignOutButton />
    </header>
  );
}
