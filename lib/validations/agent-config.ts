import { z } from "zod";
import { httpUrlProblem } from "./url";

// A project's agent: persona, judge rubrics and per-model context. Model slugs are checked
// against the project on the server (the form only offers existing models).

const rubricSchema = z.object({
  name: z.string().trim().min(1, "Name the rubric.").max(100, "At most 100 characters."),
  criteria: z.string().trim().min(1, "Describe what the judge checks.").max(5_000, "At most 5,000 characters."),
  weight: z
    .number({ error: "The weight is a number from 0 to 1." })
    .min(0, "The weight is a number from 0 to 1.")
    .max(1, "The weight is a number from 0 to 1."),
});

const modelContextSchema = z.object({
  model: z.string().min(1, "Choose a model.").max(63),
  context: z.string().trim().min(1, "Describe the context.").max(20_000, "At most 20,000 characters."),
});

export const agentConfigInputSchema = z
  .object({
    persona: z.string().trim().max(20_000, "At most 20,000 characters."),
    rubrics: z.array(rubricSchema).max(50, "At most 50 rubrics."),
    modelContexts: z.array(modelContextSchema).max(500, "At most 500 model contexts."),
    webhookUrl: z.string().trim().max(2_000, "At most 2,000 characters."),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    markDuplicates(
      input.rubrics?.map((r) => r?.name?.trim()),
      (i) => issue(["rubrics", i, "name"], "Each rubric needs its own name."),
    );
    markDuplicates(
      input.modelContexts?.map((c) => c?.model),
      (i) => issue(["modelContexts", i, "model"], "This model already has a context above."),
    );
    if (typeof input.webhookUrl === "string" && input.webhookUrl) {
      const problem = httpUrlProblem(input.webhookUrl);
      if (problem) issue(["webhookUrl"], problem);
    }
  })
  .transform((input) => ({ ...input, webhookUrl: input.webhookUrl || null }));

export type AgentConfigFormValues = z.input<typeof agentConfigInputSchema>;
export type AgentConfigInput = z.output<typeof agentConfigInputSchema>;

function markDuplicates(values: (string | undefined)[] | undefined, report: (index: number) => void) {
  const seen = new Set<string>();
  values?.forEach((value, index) => {
    if (!value) return;
    if (seen.has(value)) report(index);
    seen.add(value);
  });
}
