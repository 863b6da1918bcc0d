import pg from "pg";
import { e2eDatabaseUrl } from "./servers";

/** Runs one statement against the e2e server's database (fixtures and checks the UI cannot make). */
export async function sql(text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
