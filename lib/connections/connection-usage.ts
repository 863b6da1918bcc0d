import "server-only";
import { compareKeys } from "@/lib/bundle/json-order";
import { pgPool, type PgClient } from "@/lib/database/pg-transaction";

// "Which projects use this connection" (linked to it, or with a model on it), for every connection
// of a tenant — the one reader the import planner's target and the wizard's choices share.

export interface ConnectionUsage {
  id: string;
  name: string;
  type: string;
  /** Slugs of the projects using it, in code-unit order. */
  projects: string[];
}

export async function readConnectionUsage(tenantId: string, client?: PgClient): Promise<ConnectionUsage[]> {
  const { rows } = await (client ?? pgPool()).query<ConnectionUsage>(
    `SELECT c.id, c.name, c.type::text AS type,
            ARRAY(SELECT DISTINCT p.slug FROM "Project" p
                  WHERE p.id IN (SELECT "projectId" FROM "ProjectConnection" WHERE "connectionId" = c.id
                                 UNION SELECT "projectId" FROM "Model" WHERE "connectionId" = c.id)) AS projects
       FROM "Connection" c WHERE c."tenantId" = $1`,
    [tenantId],
  );
  return rows
    .map((c) => ({ ...c, projects: [...c.projects].sort(compareKeys) }))
    .sort((a, b) => compareKeys(a.name, b.name));
}
