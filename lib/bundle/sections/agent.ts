import { z } from "zod";
import { httpUrlSchema } from "@/lib/validations/url";
import { AgentConfigTable } from "@/lib/database/tables";
import { slugSchema } from "@/lib/validations/slug";
import { byKey } from "../json-order";
import { defineSection, duplicateProblems, type BundleSection } from "./section";

// The project's agent configuration: one item (or none), keyed "agent".

export const agentSchema = z.strictObject({
  persona: z.string().max(100_000),
  rubrics: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(200),
        criteria: z.string().max(10_000),
        weight: z.number().min(0).max(1),
      }),
    )
    .max(1_000),
  modelContexts: z.array(z.strictObject({ model: slugSchema, context: z.string().max(100_000) })).max(10_000),
  webhookUrl: httpUrlSchema.nullable(),
});
export type BundleAgent = z.infer<typeof agentSchema>;

const agentSectionSchema = agentSchema.nullable();

// Annotated, not inferred: the bundle type is derived from the registry, and the writes refer back to it.
export const agent: BundleSection<"agent", typeof agentSectionSchema, BundleAgent> = defineSection({
  key: "agent",
  label: "Agent configuration",
  hint: "Persona, judge rubrics, model contexts",
  optional: true,
  exportDefault: true,
  schema: agentSectionSchema,
  items: (value) => (value ? [value] : []),
  keyOf: () => "agent",
  keyName: "agent",
  checkItem: (a, path) => [
    ...duplicateProblems(
      a.rubrics.map((r) => r.name),
      `${path}.rubrics`,
      "rubric name",
    ),
    ...duplicateProblems(
      a.modelContexts.map((c) => c.model),
      `${path}.modelContexts`,
      "model context",
    ),
  ],
  canonical: (a) =>
    a === null
      ? null
      : {
          persona: a.persona,
          rubrics: [...a.rubrics]
            .sort(byKey((r) => r.name))
            .map((r) => ({ name: r.name, criteria: r.criteria, weight: r.weight })),
          modelContexts: [...a.modelContexts]
            .sort(byKey((m) => m.model))
            .map((m) => ({ model: m.model, context: m.context })),
          webhookUrl: a.webhookUrl,
        },
  async read(ctx) {
    const [row] = await ctx.rows<BundleAgent>(
      `SELECT persona, rubrics, "modelContexts", "webhookUrl" FROM "${AgentConfigTable.name}" WHERE "projectId" = $1`,
      [ctx.projectId],
    );
    return row ?? null;
  },
  write: {
    async create(ctx, items) {
      await ctx.bulkInsert(
        ctx.client,
        AgentConfigTable,
        ["id", "projectId", "persona", "rubrics", "modelContexts", "webhookUrl"],
        items.map((a) => ({ id: crypto.randomUUID(), projectId: ctx.projectId, ...a })),
      );
    },
    async update(ctx, items) {
      await agent.write.delete(ctx, ["agent"]);
      await agent.write.create(ctx, items);
    },
    async delete(ctx) {
      await ctx.client.query(`DELETE FROM "${AgentConfigTable.name}" WHERE "projectId" = $1`, [ctx.projectId]);
    },
  },
  clears: [AgentConfigTable.name],
  faultSteps: ["agent"],
  count: ({ value }) => (value === undefined ? {} : { agent: { created: value ? 1 : 0, updated: 0, skipped: 0 } }),
});
