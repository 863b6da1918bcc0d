"use client";

import { useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportWizardValues } from "@/lib/validations/import-wizard";

export interface TenantConnection {
  name: string;
  type: string;
  projects: string[];
}

/** One row per exported connection: create it, map it onto an existing one of its type, or create it pending. */
export function ConnectionMappingTable({
  control,
  register,
  errors,
  tenantConnections,
}: {
  control: Control<ImportWizardValues>;
  register: UseFormRegister<ImportWizardValues>;
  errors: FieldErrors<ImportWizardValues>;
  tenantConnections: TenantConnection[];
}) {
  const rows = useWatch({ control, name: "connections" });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Exported connection</TableHead>
          <TableHead>Bring it in as</TableHead>
          <TableHead>Target</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, index) => {
          const rowErrors = errors.connections?.[index];
          const candidates = tenantConnections.filter((c) => c.type === row.type);
          const mapped = tenantConnections.find((c) => c.name === row.target);
          return (
            <TableRow key={row.exported} className="align-top">
              <TableCell>
                <div className="font-medium">{row.exported}</div>
                <div className="flex gap-1 pt-1">
                  <Badge variant="outline">{row.type}</Badge>
                  {row.hasCredentials ? (
                    <Badge variant="success">credentials in bundle</Badge>
                  ) : (
                    <Badge variant="secondary">no credentials</Badge>
                  )}
                </div>
              </TableCell>
              <TableCell className="w-64">
                <NativeSelect
                  aria-label={`Action for ${row.exported}`}
                  aria-invalid={!!rowErrors?.action}
                  {...register(`connections.${index}.action`)}
                >
                  <option value="create" disabled={!row.hasCredentials}>
                    Create new{row.hasCredentials ? "" : " (needs credentials)"}
                  </option>
                  <option value="map" disabled={candidates.length === 0}>
                    Map to existing {row.type}
                  </option>
                  <option value="pending">Create, pending credentials</option>
                </NativeSelect>
                {rowErrors?.action && <p className="pt-1 text-xs text-destructive">{rowErrors.action.message}</p>}
              </TableCell>
              <TableCell className="w-72">
                {row.action === "map" ? (
                  <>
                    <NativeSelect
                      aria-label={`Existing connection for ${row.exported}`}
                      aria-invalid={!!rowErrors?.target}
                      {...register(`connections.${index}.target`)}
                    >
                      <option value="">Choose a {row.type} connection…</option>
                      {candidates.map((c) => (
                        <option key={c.name} value={c.name}>
                          {c.name}
                        </option>
                      ))}
                    </NativeSelect>
                    {rowErrors?.target && <p className="pt-1 text-xs text-destructive">{rowErrors.target.message}</p>}
                    {mapped && (
                      <p className="pt-1 text-xs text-muted-foreground">
                        {mapped.projects.length > 0
                          ? `Used by: ${mapped.projects.join(", ")}`
                          : "Not used by any project yet"}
                      </p>
                    )}
                  </>
                ) : (
                  <>
                    <Input
                      aria-label={`New name for ${row.exported}`}
                      aria-invalid={!!rowErrors?.name}
                      {...register(`connections.${index}.name`)}
                    />
                    {rowErrors?.name && <p className="pt-1 text-xs text-destructive">{rowErrors.name.message}</p>}
                    <p className="pt-1 text-xs text-muted-foreground">
                      {row.action === "create"
                        ? "A new tenant connection with the bundle's credentials."
                        : "A new tenant connection; enter its secret later."}
                    </p>
                  </>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
