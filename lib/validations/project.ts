import { z } from "zod";
import { slugSchema } from "./slug";

export const createProjectSchema = z.object({
  slug: slugSchema,
  displayName: z.string().trim().min(1, "Enter a display name.").max(200, "At most 200 characters."),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z.object({
  displayName: z.string().trim().min(1, "Enter a display name.").max(200, "At most 200 characters."),
  active: z.boolean(),
});
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;
