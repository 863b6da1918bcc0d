import { TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Column titles of a list table; `actions` adds the (visually hidden) title of the row-actions column. */
export function ListTableHeader({
  columns,
  actions = false,
}: {
  columns: (string | { title: string; className: string })[];
  actions?: boolean;
}) {
  return (
    <TableHeader>
      <TableRow>
        {columns.map((column) =>
          typeof column === "string" ? (
            <TableHead key={column}>{column}</TableHead>
          ) : (
            <TableHead key={column.title} className={column.className}>
              {column.title}
            </TableHead>
          ),
        )}
        {actions && (
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        )}
      </TableRow>
    </TableHeader>
  );
}
