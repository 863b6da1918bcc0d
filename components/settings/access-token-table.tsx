import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AccessTokenListItem } from "@/lib/auth/access-tokens";
import { formatUtc } from "@/lib/utils";
import { RevokeTokenButton } from "./revoke-token-button";

const STATUS_BADGE = { active: "success", expired: "warning", revoked: "danger" } as const;

export function AccessTokenTable({ tokens }: { tokens: AccessTokenListItem[] }) {
  if (tokens.length === 0)
    return <p className="rounded-md border border-dashed p-6 text-sm text-muted-foreground">You have no tokens yet.</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Token</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.map((token) => (
          <TableRow key={token.id}>
            <TableCell className="font-medium">{token.name}</TableCell>
            <TableCell className="font-mono text-xs">{token.prefix}…</TableCell>
            <TableCell className="whitespace-nowrap">{formatUtc(token.createdAt)}</TableCell>
            <TableCell className="whitespace-nowrap">
              {token.lastUsedAt ? formatUtc(token.lastUsedAt) : <span className="text-muted-foreground">never</span>}
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {token.expiresAt ? formatUtc(token.expiresAt) : <span className="text-muted-foreground">never</span>}
            </TableCell>
            <TableCell>
              <Badge variant={STATUS_BADGE[token.status]}>{token.status}</Badge>
              {token.revokedAt && (
                <div className="mt-0.5 whitespace-nowrap text-xs text-muted-foreground">
                  {formatUtc(token.revokedAt)}
                </div>
              )}
            </TableCell>
            <TableCell className="text-right">
              {token.status === "active" && (
                <RevokeTokenButton token={{ id: token.id, name: token.name, prefix: token.prefix }} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
