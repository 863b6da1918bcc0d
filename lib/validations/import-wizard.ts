import { z } from "zod";
import { SLUG_PATTERN, SLUG_MAX_LENGTH } from "./slug";

// The import wizard's options form. Its checks need the target tenant (taken slugs and names),
// so the schema is built for a context; the server validates everything again (plan-import.ts).

export interface WizardContext {
  scope: "project" | "model";
  projectSlugs: string[];
  /** Model import: the target project's model slugs. */
  modelSlugs: string[];
  connections: { name: string; type: string }[];
}

const slugMessage = "Use lowercase letters, digits and single dashes (e.g. sales-analytics).";
const validSlug = (value: string) => value.length > 0 && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);

export function importWizardSchema(context: WizardContext) {
  return z
    .object({
      mode: z.enum(["create", "replace"]),
      projectSlug: z.string().trim().max(SLUG_MAX_LENGTH, slugMessage),
      replaceSlug: z.string().max(SLUG_MAX_LENGTH),
      displayName: z.string().trim().max(200, "At most 200 characters."),
      models: z.array(
        z.object({ exported: z.string().max(100), slug: z.string().trim().max(SLUG_MAX_LENGTH, slugMessage) }),
      ),
      connections: z.array(
        z.object({
          exported: z.string().max(100),
          type: z.string().max(50),
          hasCredentials: z.boolean(),
          action: z.enum(["create", "map", "pending"]),
          target: z.string().max(100),
          name: z.string().trim().max(100, "A name has at most 100 characters."),
        }),
      ),
      overrideCredentials: z.boolean(),
    })
    .superRefine((value, ctx) => {
      if (context.scope === "project") {
        if (value.mode === "create") {
          if (!validSlug(value.projectSlug))
            ctx.addIssue({ code: "custom", path: ["projectSlug"], message: slugMessage });
          else if (context.projectSlugs.includes(value.projectSlug))
            ctx.addIssue({
              code: "custom",
              path: ["projectSlug"],
              message: `"${value.projectSlug}" is taken in this tenant: choose another slug, or replace that project.`,
            });
        } else if (!value.replaceSlug)
          ctx.addIssue({ code: "custom", path: ["replaceSlug"], message: "Choose the project to replace." });
      }
      const seen = new Map<string, number>();
      value.models.forEach((model, index) => {
        if (!validSlug(model.slug))
          ctx.addIssue({ code: "custom", path: ["models", index, "slug"], message: slugMessage });
        else if (seen.has(model.slug))
          ctx.addIssue({
            code: "custom",
            path: ["models", index, "slug"],
            message: `Another model is already named "${model.slug}".`,
          });
        else if (context.scope === "model" && value.mode === "create" && context.modelSlugs.includes(model.slug))
          ctx.addIssue({
            code: "custom",
            path: ["models", index, "slug"],
            message: `The project already has a model "${model.slug}": rename it, or replace that model.`,
          });
        else if (context.scope === "model" && value.mode === "replace" && !context.modelSlugs.includes(model.slug))
          ctx.addIssue({
            code: "custom",
            path: ["models", index, "slug"],
            message: `The project has no model "${model.slug}" to replace.`,
          });
        seen.set(model.slug, index);
      });
      const claimed = new Set<string>();
      value.connections.forEach((row, index) => {
        if (row.action === "map") {
          const target = context.connections.find((c) => c.name === row.target);
          if (!target)
            ctx.addIssue({
              code: "custom",
              path: ["connections", index, "target"],
              message: `Choose a ${row.type} connection to map to.`,
            });
          else if (target.type !== row.type)
            ctx.addIssue({
              code: "custom",
              path: ["connections", index, "target"],
              message: `"${target.name}" is ${target.type}, not ${row.type}.`,
            });
          return;
        }
        if (row.action === "create" && !row.hasCredentials)
          ctx.addIssue({
            code: "custom",
            path: ["connections", index, "action"],
            message: "The bundle has no credentials for it: map it, or create it as pending.",
          });
        if (!row.name) ctx.addIssue({ code: "custom", path: ["connections", index, "name"], message: "Enter a name." });
        else if (context.connections.some((c) => c.name === row.name) || claimed.has(row.name))
          ctx.addIssue({
            code: "custom",
            path: ["connections", index, "name"],
            message: `"${row.name}" is taken in this tenant: choose another name, or map onto it.`,
          });
        claimed.add(row.name);
      });
    });
}

export type ImportWizardValues = z.infer<ReturnType<typeof importWizardSchema>>;
