import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The Prisma CLI runs through its JS schema engine and this adapter (no engine download).
// `prisma generate` needs no database, but the schema's datasource requires DATABASE_URL to
// be set, so it gets a harmless default here; real commands point it at a live server.
process.env.DATABASE_URL ??= "postgresql://ferry@127.0.0.1:5432/ferry";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
