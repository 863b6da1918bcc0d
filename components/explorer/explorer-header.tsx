"use client";

import { ChevronDownIcon, HistoryIcon, KeyRoundIcon, LogOutIcon, PlugIcon, UploadIcon, UserIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOutAction } from "@/app/(auth)/login/actions";
import { Brand } from "@/components/brand";
import { ThemeMenuItems } from "@/components/theme/theme-menu-items";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

interface TenantOption {
  slug: string;
  name: string;
}

export interface ExplorerHeaderProps {
  tenant: TenantOption;
  tenants: TenantOption[];
  user: { name: string; email: string; isSystemAdmin: boolean };
  canImport: boolean;
  /** Tenant admins: the tenant's History page. */
  canViewHistory: boolean;
}

export function ExplorerHeader({ tenant, tenants, user, canImport, canViewHistory }: ExplorerHeaderProps) {
  const router = useRouter();
  return (
    <header className="flex h-14 items-center gap-2 border-b bg-background px-3 sm:gap-3 sm:px-4">
      <Link href={`/t/${tenant.slug}`} className="text-lg font-semibold tracking-tight">
        <Brand />
      </Link>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm">
            <span className="sr-only">Switch tenant: </span>
            <span className="max-w-28 truncate sm:max-w-none">{tenant.name}</span>
            <ChevronDownIcon />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>{user.isSystemAdmin ? "All tenants (system admin)" : "Your tenants"}</DropdownMenuLabel>
          {tenants.map((t) => (
            <DropdownMenuItem
              key={t.slug}
              onSelect={() => router.push(`/t/${t.slug}`)}
              aria-current={t.slug === tenant.slug ? "true" : undefined}
            >
              {t.name} <span className="ml-auto text-xs text-muted-foreground">{t.slug}</span>
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <div role="toolbar" aria-label="Explorer actions" className="flex items-center gap-1 sm:ml-2 sm:gap-2">
        {canImport && (
          <Button variant="outline" size="sm" className="px-2 sm:px-3" asChild>
            <Link href={`/t/${tenant.slug}/import`}>
              <UploadIcon /> <span className="sr-only sm:not-sr-only">Import Project</span>
            </Link>
          </Button>
        )}
        <Button variant="ghost" size="sm" className="px-2 sm:px-3" asChild>
          <Link href={`/t/${tenant.slug}/connections`}>
            <PlugIcon /> <span className="sr-only sm:not-sr-only">Connections</span>
          </Link>
        </Button>
        {canViewHistory && (
          <Button variant="ghost" size="sm" className="px-2 sm:px-3" asChild>
            <Link href={`/t/${tenant.slug}/history`}>
              <HistoryIcon /> <span className="sr-only sm:not-sr-only">History</span>
            </Link>
          </Button>
        )}
      </div>
      <div className="ml-auto">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="sm">
              <UserIcon />
              <span className="sr-only">Account menu: </span>
              <span className="sr-only sm:not-sr-only">{user.name}</span>
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuLabel>{user.email}</DropdownMenuLabel>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => router.push("/settings")}>
              <KeyRoundIcon /> Access tokens
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <ThemeMenuItems />
            <DropdownMenuSeparator />
            <DropdownMenuItem
              onSelect={async () => {
                await signOutAction();
                router.replace("/login");
                router.refresh();
              }}
            >
              <LogOutIcon /> Sign out
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </header>
  );
}
