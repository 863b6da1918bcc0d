import { EmptyState } from "@/components/shared/empty-state";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ListTableHeader } from "@/components/shared/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import type { AgentConfigView as AgentConfig } from "@/lib/agent/get-agent-config";

/** The agent config for those who may not edit it. */
export function AgentConfigView({ config }: { config: AgentConfig | null }) {
  if (!config)
    return <EmptyState>This project has no agent configuration yet. A project admin can set one up.</EmptyState>;
  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle as="h3">Persona</CardTitle>
        </CardHeader>
        <CardContent>
          <p className="whitespace-pre-wrap text-sm">
            {config.persona || <span className="text-muted-foreground">No persona.</span>}
          </p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h3">Judge rubrics</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <ListTableHeader columns={["Rubric", "Criteria", { title: "Weight", className: "text-right" }]} />
            <TableBody>
              {config.rubrics.map((rubric) => (
                <TableRow key={rubric.name}>
                  <TableCell className="font-medium">{rubric.name}</TableCell>
                  <TableCell>{rubric.criteria}</TableCell>
                  <TableCell className="text-right">{rubric.weight}</TableCell>
                </TableRow>
              ))}
              {config.rubrics.length === 0 && (
                <TableRow>
                  <TableCell colSpan={3} className="text-muted-foreground">
                    No rubrics.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h3">Model contexts</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <ListTableHeader columns={["Model", "Context"]} />
            <TableBody>
              {config.modelContexts.map((context) => (
                <TableRow key={context.model}>
                  <TableCell className="font-medium">{context.model}</TableCell>
                  <TableCell>{context.context}</TableCell>
                </TableRow>
              ))}
              {config.modelContexts.length === 0 && (
                <TableRow>
                  <TableCell colSpan={2} className="text-muted-foreground">
                    No model contexts.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h3">Webhook</CardTitle>
        </CardHeader>
        <CardContent className="text-sm">
          {config.webhookUrl ?? <span className="text-muted-foreground">No webhook.</span>}
        </CardContent>
      </Card>
    </div>
  );
}
